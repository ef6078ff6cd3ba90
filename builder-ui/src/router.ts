import { useEffect, useState } from 'preact/hooks';

// A tiny history router: the builder has a handful of top-level pages and no nested routes, so a
// path string and a subscription are all it needs.
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

/** Pages with unsaved work register a question here; leaving asks it first. */
const leaveGuards = new Set<() => string | null>();
const here = () => `${window.location.pathname}${window.location.search}`;
let current = typeof window === 'undefined' ? '' : here();

/** The first pending leave question, or null when nothing would be lost. */
const pendingQuestion = (): string | null => {
  for (const guard of leaveGuards) {
    const question = guard();
    if (question) return question;
  }
  return null;
};

/** True when nothing would be lost, or the person agreed to lose it. */
function mayLeave(): boolean {
  const question = pendingQuestion();
  return question === null || window.confirm(question);
}

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => {
    // Back/forward cannot be cancelled, only undone: put the page we were on back.
    if (here() !== current && !mayLeave()) {
      window.history.pushState(null, '', current);
      return;
    }
    current = here();
    notify();
  });
  window.addEventListener('beforeunload', (event) => {
    if (pendingQuestion() === null) return;
    event.preventDefault();
    // Chromium still wants returnValue set to show its own "Leave site?" prompt.
    event.returnValue = '';
  });
}

/**
 * Goes to `path` (it may carry a `?query`) inside the app without a page load. Asks first when
 * a page has unsaved work; `force` skips that (after the page itself asked).
 */
export function navigate(path: string, options: { replace?: boolean; force?: boolean } = {}): void {
  if (path === here()) return;
  if (!options.force && !mayLeave()) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  current = here();
  notify();
}

/** The current pathname, re-rendering on every navigation. */
export function usePath(): string {
  const [path, setPath] = useState(() => window.location.pathname);
  useEffect(() => {
    const update = () => setPath(window.location.pathname);
    listeners.add(update);
    return () => listeners.delete(update);
  }, []);
  return path;
}

/** The current query string's parameters, re-rendering when they change. */
export function useQuery(): URLSearchParams {
  const [search, setSearch] = useState(() => window.location.search);
  useEffect(() => {
    const update = () => setSearch(window.location.search);
    listeners.add(update);
    return () => listeners.delete(update);
  }, []);
  return new URLSearchParams(search);
}

/**
 * Replaces the query string (empty values are left out) without a new history entry: for
 * filters and search boxes, so a reload or a shared link shows the same view.
 */
export function setQuery(values: Record<string, string | undefined>): void {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  const search = params.toString();
  const next = `${window.location.pathname}${search ? `?${search}` : ''}`;
  if (next === here()) return;
  window.history.replaceState(null, '', next);
  current = next;
  notify();
}

/**
 * While `question` is a string, leaving the page (in-app links, back/forward, reload, closing
 * the tab) asks it first. Pass null when nothing would be lost.
 */
export function useLeaveGuard(question: string | null): void {
  useEffect(() => {
    if (question === null) return;
    const guard = () => question;
    leaveGuards.add(guard);
    return () => leaveGuards.delete(guard);
  }, [question]);
}

/** True for a plain left click that the app should handle itself rather than the browser. */
export function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

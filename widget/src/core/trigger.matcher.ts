import type { EligibleContent, Trigger } from '@waymark/shared';

/** Why triggers are being checked: a page (load or route change) or a tracked event. */
export type TriggerCause = { type: 'page' } | { type: 'event'; event: string };

const dropTrailingSlash = (s: string): string => (s.length > 1 ? s.replace(/\/+$/, '') : s);

/**
 * Matches a URL against a pattern where `*` matches any run of characters (including none).
 * A pattern starting with `http(s)://` is matched, case-insensitively, against the URL without
 * its hash; otherwise against the path, plus the query when the pattern has `?`, plus the hash
 * when it has `#` (hash routers). A trailing slash is optional on both sides.
 */
export function matchUrlPattern(pattern: string, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const p = pattern.trim();
  const absolute = /^https?:\/\//i.test(p);
  const { origin, pathname, search, hash } = parsed;
  const subject =
    (absolute ? origin : '') +
    pathname +
    (absolute || /[?#]/.test(p) ? search : '') +
    (!absolute && p.includes('#') ? hash : '');
  const source = dropTrailingSlash(p)
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, absolute ? 'i' : '').test(dropTrailingSlash(subject));
}

/** URL triggers say where: any one matching is enough; none means every page. */
export function pageMatches(triggers: readonly Trigger[], url: string): boolean {
  const patterns = triggers.filter((t) => t.type === 'url');
  return patterns.length === 0 || patterns.some((t) => matchUrlPattern(t.pattern, url));
}

/**
 * Timing triggers say when: `immediate` on a page, `event` on that event, `manual` only through
 * `waymark.start`. With no timing trigger, content is immediate. (`delay` is not watched yet.)
 */
export function firesOn(triggers: readonly Trigger[], cause: TriggerCause): boolean {
  const timing = triggers.filter((t) => t.type !== 'url');
  if (timing.length === 0) return cause.type === 'page';
  return timing.some((t) =>
    t.type === 'event'
      ? cause.type === 'event' && cause.event === t.event
      : t.type === 'immediate' && cause.type === 'page',
  );
}

export interface SelectionContext {
  url: string;
  cause: TriggerCause;
  /** Finished or blocked content ids. */
  skip: ReadonlySet<string>;
  /** Content already under way: it resumes on any matching page, whatever its timing. */
  resumable: ReadonlySet<string>;
}

/** The content to show now, highest `priority` first (ties keep server order), or undefined. */
export function selectContent(
  items: readonly EligibleContent[],
  { url, cause, skip, resumable }: SelectionContext,
): EligibleContent | undefined {
  // Array#sort is stable (ES2019), so equal priorities keep the server's order.
  return [...items]
    .sort((a, b) => b.priority - a.priority)
    .find(
      (item) =>
        item.kind === 'flow' &&
        !skip.has(item.id) &&
        pageMatches(item.triggers, url) &&
        ((resumable.has(item.id) && cause.type === 'page') || firesOn(item.triggers, cause)),
    );
}

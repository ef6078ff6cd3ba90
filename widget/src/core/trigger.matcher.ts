import type { Trigger } from '@waymark/shared';

/** Why triggers are being checked: a page (load or route change), a tracked event, a delay. */
export type TriggerCause =
  { type: 'page' } | { type: 'event'; event: string } | { type: 'delay'; id: string };

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
 * Timing triggers say when: `immediate` on a page, `event` on that event, `delay` when its
 * timer (started on the page) fires for `id`, `manual` only through `waymark.start`. With no
 * timing trigger, content is immediate.
 */
export function firesOn(triggers: readonly Trigger[], cause: TriggerCause, id: string): boolean {
  const timing = triggers.filter((t) => t.type !== 'url');
  if (timing.length === 0) return cause.type === 'page';
  return timing.some((t) =>
    t.type === 'event'
      ? cause.type === 'event' && cause.event === t.event
      : t.type === 'delay'
        ? cause.type === 'delay' && cause.id === id
        : t.type === 'immediate' && cause.type === 'page',
  );
}

/** The delay of an item's `delay` trigger, if it has one. */
export const delayOf = (triggers: readonly Trigger[]): number | undefined =>
  triggers.find((t) => t.type === 'delay')?.ms;

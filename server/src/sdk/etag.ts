/**
 * Whether an `If-None-Match` header names `etag` (RFC 9110: a list of entity tags, weak ones
 * compared weakly, or `*`). `etag` is the bare value, without quotes.
 */
export function etagMatches(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const quoted = `"${etag}"`;
  // What the widget sends (its kept answer's etag), answered without splitting.
  if (header === quoted) return true;
  const list = Array.isArray(header) ? header.join(',') : header;
  for (const raw of list.split(',')) {
    const tag = raw.trim();
    if (tag === '*') return true;
    const bare = tag.startsWith('W/') ? tag.slice(2) : tag;
    if (bare === quoted) return true;
  }
  return false;
}

/** Params taken from a path by a pattern such as `/segments/:segmentId`. */
export type RouteParams = Record<string, string>;

/** Matches `path` against `pattern` (`:name` segments capture); null when it does not match. */
export function matchPattern(pattern: string, path: string): RouteParams | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: RouteParams = {};
  for (let i = 0; i < want.length; i += 1) {
    const part = want[i]!;
    const value = have[i]!;
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(value);
      } catch {
        return null; // a malformed escape is not a page of ours
      }
    } else if (part !== value) return null;
  }
  return params;
}

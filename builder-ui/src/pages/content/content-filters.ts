import type { ContentKind, ContentStatus, ContentSummary } from '@waymark/shared';

export const KINDS: readonly ContentKind[] = ['flow', 'checklist', 'banner', 'survey', 'launcher'];
export const STATUSES: readonly ContentStatus[] = ['draft', 'published', 'archived'];
const oneOf = <T extends string>(list: readonly T[], value: string | null): T | '' =>
  list.find((item) => item === value) ?? '';

/** The list's search and filters, as kept in the URL query (`?q=tour&kind=flow&status=draft`). */
export interface ContentFilters {
  q: string;
  kind: ContentKind | '';
  status: ContentStatus | '';
}

export function readFilters(query: URLSearchParams): ContentFilters {
  return {
    q: query.get('q') ?? '',
    kind: oneOf(KINDS, query.get('kind')),
    status: oneOf(STATUSES, query.get('status')),
  };
}

/** Items whose name contains the search text (any case) and that match the kind and status. */
export function applyFilters(
  items: readonly ContentSummary[],
  f: ContentFilters,
): ContentSummary[] {
  const needle = f.q.trim().toLocaleLowerCase();
  return items.filter(
    (item) =>
      (!needle || item.name.toLocaleLowerCase().includes(needle)) &&
      (!f.kind || item.kind === f.kind) &&
      (!f.status || item.status === f.status),
  );
}

export const isFiltered = (f: ContentFilters): boolean => Boolean(f.q || f.kind || f.status);

import { useMemo, useState } from 'preact/hooks';
import { contentApi } from '../../api/content';
import { EmptyState } from '../../components/empty-state';
import { LoadView } from '../../components/load-view';
import { PageHead } from '../../components/page-head';
import { useLoad } from '../../components/use-load';
import { useTitle } from '../../components/use-title';
import { kindLabel } from '../../format';
import type { PageProps } from '../../page-props';
import { setQuery, useQuery } from '../../router';
import { useCan, useWorkspace } from '../../workspace-context';
import {
  KINDS,
  STATUSES,
  applyFilters,
  isFiltered,
  readFilters,
  type ContentFilters,
} from './content-filters';
import { ContentTable } from './content-table';
import { CreateContentDialog } from './create-content-dialog';

const STATUS_LABELS = { draft: 'Draft', published: 'Published', archived: 'Archived' } as const;

export function ContentPage(_props: PageProps) {
  useTitle('Content');
  const { api, workspace } = useWorkspace();
  const canEdit = useCan('editor');
  const [creating, setCreating] = useState(false);
  const content = useMemo(() => contentApi(api, workspace.id), [api, workspace.id]);
  const filters = readFilters(useQuery());
  const { load, reload } = useLoad(
    async (signal) => ({ items: await content.list(signal), at: new Date() }),
    [content],
  );
  const update = (change: Partial<ContentFilters>) => setQuery({ ...filters, ...change });

  return (
    <>
      <PageHead title="Content" lede="Tours, checklists, banners and surveys shown in your app.">
        {canEdit && (
          <button type="button" class="button button-primary" onClick={() => setCreating(true)}>
            Create content
          </button>
        )}
      </PageHead>
      <div class="content-filters" role="search" aria-label="Find content">
        <div class="field">
          <label for="content-search">Search by name</label>
          <input
            id="content-search"
            class="edit-input"
            type="search"
            value={filters.q}
            onInput={(event) => update({ q: event.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="content-kind">Kind</label>
          <select
            class="edit-select"
            id="content-kind"
            value={filters.kind}
            onChange={(event) =>
              update({ kind: event.currentTarget.value as ContentFilters['kind'] })
            }
          >
            <option value="">All kinds</option>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kindLabel(kind)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="content-status">Status</label>
          <select
            class="edit-select"
            id="content-status"
            value={filters.status}
            onChange={(event) =>
              update({ status: event.currentTarget.value as ContentFilters['status'] })
            }
          >
            <option value="">Any status</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <section aria-label="Content items" aria-busy={load.state === 'loading'}>
        <LoadView load={load} what="content" onRetry={reload}>
          {({ items: all, at }) => {
            if (all.length === 0) {
              return (
                <EmptyState icon="content" title="No content yet">
                  <p>
                    Content you create in this workspace appears here: product tours, checklists,
                    banners and surveys.
                  </p>
                  {canEdit && (
                    <button type="button" class="button" onClick={() => setCreating(true)}>
                      Create your first item
                    </button>
                  )}
                </EmptyState>
              );
            }
            const shown = applyFilters(all, filters);
            return (
              <>
                <p class="muted content-count" role="status">
                  {isFiltered(filters)
                    ? `${shown.length} of ${all.length} items match.`
                    : `${all.length} item${all.length === 1 ? '' : 's'}.`}
                </p>
                {shown.length > 0 ? (
                  <ContentTable items={shown} now={at} />
                ) : (
                  <div class="empty-state">
                    <p>Nothing matches these filters.</p>
                    <button type="button" class="button" onClick={() => setQuery({})}>
                      Clear filters
                    </button>
                  </div>
                )}
              </>
            );
          }}
        </LoadView>
      </section>
      {creating && <CreateContentDialog onClose={() => setCreating(false)} />}
    </>
  );
}

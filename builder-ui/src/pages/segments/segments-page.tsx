import { segmentsApi } from '../../api/segments';
import { DataTable } from '../../components/data-table';
import { EmptyState } from '../../components/empty-state';
import { Link } from '../../components/link';
import { ListSection } from '../../components/list-section';
import { NewItemLink } from '../../components/new-item-link';
import { PageHead } from '../../components/page-head';
import { useLoad } from '../../components/use-load';
import { useTitle } from '../../components/use-title';
import { formatDateTime, formatRelative } from '../../format';
import type { PageProps } from '../../page-props';
import { useWorkspace } from '../../workspace-context';

/** Saved segments: name, member count, last refreshed. */
export function SegmentsPage(_props: PageProps) {
  useTitle('Segments');
  const { api, workspace } = useWorkspace();
  const { load, reload } = useLoad(
    async (signal) => ({
      items: await segmentsApi(api, workspace.id).list(signal),
      at: new Date(),
    }),
    [api, workspace.id],
  );
  return (
    <>
      <PageHead
        title="Segments"
        lede="Groups of users defined by a rule, kept current as events arrive."
      >
        <NewItemLink href="/segments/new">New segment</NewItemLink>
      </PageHead>
      <ListSection
        label="Segments"
        load={load}
        onRetry={reload}
        isEmpty={({ items }) => items.length === 0}
        empty={
          <EmptyState icon="segments" title="No segments yet">
            <p>
              A segment is a saved rule — “invited a teammate twice this week”, “on the pro plan” —
              with its members computed on the server. Target content at it.
            </p>
          </EmptyState>
        }
      >
        {({ items, at }) => (
          <DataTable
            rows={items}
            keyOf={(s) => s.id}
            columns={[
              {
                header: 'Name',
                cellClass: 'cell-name',
                cell: (s) => <Link href={`/segments/${s.id}`}>{s.name}</Link>,
              },
              { header: 'Members', numeric: true, cell: (s) => s.members.toLocaleString('en') },
              {
                header: 'Last refreshed',
                cell: (s) =>
                  s.refreshedAt ? (
                    <time dateTime={s.refreshedAt} title={formatDateTime(s.refreshedAt)}>
                      {formatRelative(s.refreshedAt, at)}
                    </time>
                  ) : (
                    <span class="muted">never</span>
                  ),
              },
            ]}
          />
        )}
      </ListSection>
    </>
  );
}

import { segmentsApi } from '../../api/segments';
import { EmptyState } from '../../components/empty-state';
import { Link } from '../../components/link';
import { LoadView } from '../../components/load-view';
import { useLoad } from '../../components/use-load';
import { useTitle } from '../../components/use-title';
import { formatDateTime, formatRelative } from '../../format';
import type { PageProps } from '../../page-props';
import { useCan, useWorkspace } from '../../workspace-context';

/** Saved segments: name, member count, last refreshed. */
export function SegmentsPage(_props: PageProps) {
  useTitle('Segments');
  const { api, workspace } = useWorkspace();
  const canEdit = useCan('editor');
  const { load, reload } = useLoad(
    async (signal) => ({
      items: await segmentsApi(api, workspace.id).list(signal),
      at: new Date(),
    }),
    [api, workspace.id],
  );
  return (
    <>
      <div class="page-head">
        <div>
          <h1>Segments</h1>
          <p class="page-lede">Groups of users defined by a rule, kept current as events arrive.</p>
        </div>
        {canEdit && (
          <Link href="/segments/new" class="button button-primary">
            New segment
          </Link>
        )}
      </div>
      <section aria-label="Segments" aria-busy={load.state === 'loading'}>
        <LoadView load={load} what="segments" onRetry={reload}>
          {({ items, at }) =>
            items.length === 0 ? (
              <EmptyState icon="segments" title="No segments yet">
                <p>
                  A segment is a saved rule — “invited a teammate twice this week”, “on the pro
                  plan” — with its members computed on the server. Target content at it.
                </p>
              </EmptyState>
            ) : (
              <div class="table-card">
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col" class="cell-number">
                        Members
                      </th>
                      <th scope="col">Last refreshed</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((s) => (
                      <tr key={s.id}>
                        <td class="cell-name">
                          <Link href={`/segments/${s.id}`}>{s.name}</Link>
                        </td>
                        <td class="cell-number">{s.members.toLocaleString('en')}</td>
                        <td>
                          {s.refreshedAt ? (
                            <time dateTime={s.refreshedAt} title={formatDateTime(s.refreshedAt)}>
                              {formatRelative(s.refreshedAt, at)}
                            </time>
                          ) : (
                            <span class="muted">never</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </LoadView>
      </section>
    </>
  );
}

import { journeysApi } from '../../api/journeys';
import { EmptyState } from '../../components/empty-state';
import { Link } from '../../components/link';
import { LoadView } from '../../components/load-view';
import { useLoad } from '../../components/use-load';
import { useTitle } from '../../components/use-title';
import type { PageProps } from '../../page-props';
import { useCan, useWorkspace } from '../../workspace-context';

/** Journeys: ordered stages users move through. */
export function JourneysPage(_props: PageProps) {
  useTitle('Journeys');
  const { api, workspace } = useWorkspace();
  const canEdit = useCan('editor');
  const { load, reload } = useLoad(
    (signal) => journeysApi(api, workspace.id).list(signal),
    [api, workspace.id],
  );
  return (
    <>
      <div class="page-head">
        <div>
          <h1>Journeys</h1>
          <p class="page-lede">
            Ordered stages — acquisition, activation, adoption… — and where users stall.
          </p>
        </div>
        {canEdit && (
          <Link href="/journeys/new" class="button button-primary">
            New journey
          </Link>
        )}
      </div>
      <section aria-label="Journeys" aria-busy={load.state === 'loading'}>
        <LoadView load={load} what="journeys" onRetry={reload}>
          {(journeys) =>
            journeys.length === 0 ? (
              <EmptyState icon="journeys" title="No journeys yet">
                <p>
                  A journey is a list of stages, each entered when its rule holds. See how many
                  users are in each stage, how they convert and where they get stuck.
                </p>
              </EmptyState>
            ) : (
              <div class="table-card">
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Stages</th>
                    </tr>
                  </thead>
                  <tbody>
                    {journeys.map((j) => (
                      <tr key={j.id}>
                        <td class="cell-name">
                          <Link href={`/journeys/${j.id}`}>{j.name}</Link>
                        </td>
                        <td class="journey-stage-list">
                          {j.stages.map((s) => s.name).join(' → ')}
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

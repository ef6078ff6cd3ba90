import type { Experiment, ExperimentStatus } from '@waymark/shared';
import { experimentsApi } from '../../api/experiments';
import { deliveryApi } from '../../api/delivery';
import { goalsApi } from '../../api/goals';
import { EmptyState } from '../../components/empty-state';
import { Link } from '../../components/link';
import { LoadView } from '../../components/load-view';
import { useLoad } from '../../components/use-load';
import { useTitle } from '../../components/use-title';
import { formatDateTime } from '../../format';
import type { PageProps } from '../../page-props';
import { useWorkspace } from '../../workspace-context';

const STATUS: Record<ExperimentStatus, string> = {
  draft: 'Draft',
  running: 'Running',
  stopped: 'Stopped',
  shipped: 'Shipped',
};

export const ExperimentStatusBadge = ({ status }: { status: ExperimentStatus }) => (
  <span class={`badge experiment-status experiment-status-${status}`}>{STATUS[status]}</span>
);

const arms = (e: Experiment): string =>
  [...(e.holdout ? ['control'] : []), ...e.variants.map((v) => v.key)].join(' · ');

/** Every experiment of the workspace, across content; set up on the content item itself. */
export function ExperimentsPage(_props: PageProps) {
  useTitle('Experiments');
  const { api, workspace } = useWorkspace();
  const { load, reload } = useLoad(
    async (signal) => {
      const [experiments, content, goals] = await Promise.all([
        experimentsApi(api, workspace.id).list(signal),
        deliveryApi(api, workspace.id).contentList(signal),
        goalsApi(api, workspace.id).list(signal),
      ]);
      return { experiments, content, goals };
    },
    [api, workspace.id],
  );
  return (
    <>
      <div class="page-head">
        <div>
          <h1>Experiments</h1>
          <p class="page-lede">
            A/B tests on content, judged on a goal. Set one up from a content item’s Experiment tab.
          </p>
        </div>
      </div>
      <section aria-label="Experiments" aria-busy={load.state === 'loading'}>
        <LoadView load={load} what="experiments" onRetry={reload}>
          {({ experiments, content, goals }) =>
            experiments.length === 0 ? (
              <EmptyState icon="experiments" title="No experiments yet">
                <p>
                  Open a published content item and use its Experiment tab to test versions against
                  each other, or against a holdout that sees nothing.
                </p>
              </EmptyState>
            ) : (
              <div class="table-card">
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">Experiment</th>
                      <th scope="col">Status</th>
                      <th scope="col">Content</th>
                      <th scope="col">Arms</th>
                      <th scope="col">Goal</th>
                      <th scope="col">Started</th>
                    </tr>
                  </thead>
                  <tbody>
                    {experiments.map((e) => {
                      const item = content.find((c) => c.id === e.contentId);
                      const goal = goals.find((g) => g.id === e.goalId);
                      return (
                        <tr key={e.id}>
                          <td class="cell-name">{e.name}</td>
                          <td>
                            <ExperimentStatusBadge status={e.status} />
                          </td>
                          <td>
                            <Link href={`/content/${e.contentId}`}>
                              {item?.name ?? 'Content item'}
                            </Link>
                          </td>
                          <td>{arms(e)}</td>
                          <td>{goal?.name ?? <span class="muted">unknown goal</span>}</td>
                          <td>
                            {e.startedAt ? (
                              formatDateTime(e.startedAt)
                            ) : (
                              <span class="muted">not started</span>
                            )}
                          </td>
                        </tr>
                      );
                    })}
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

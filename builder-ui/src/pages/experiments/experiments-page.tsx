import type { Experiment, ExperimentStatus } from '@waymark/shared';
import { experimentsApi } from '../../api/experiments';
import { deliveryApi } from '../../api/delivery';
import { goalsApi } from '../../api/goals';
import { DataTable } from '../../components/data-table';
import { EmptyState } from '../../components/empty-state';
import { Link } from '../../components/link';
import { ListSection } from '../../components/list-section';
import { PageHead } from '../../components/page-head';
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
      <PageHead
        title="Experiments"
        lede="A/B tests on content, judged on a goal. Set one up from a content item’s Experiment tab."
      />
      <ListSection
        label="Experiments"
        load={load}
        onRetry={reload}
        isEmpty={({ experiments }) => experiments.length === 0}
        empty={
          <EmptyState icon="experiments" title="No experiments yet">
            <p>
              Open a published content item and use its Experiment tab to test versions against each
              other, or against a holdout that sees nothing.
            </p>
          </EmptyState>
        }
      >
        {({ experiments, content, goals }) => (
          <DataTable
            rows={experiments}
            keyOf={(e) => e.id}
            columns={[
              { header: 'Experiment', cellClass: 'cell-name', cell: (e) => e.name },
              { header: 'Status', cell: (e) => <ExperimentStatusBadge status={e.status} /> },
              {
                header: 'Content',
                cell: (e) => (
                  <Link href={`/content/${e.contentId}`}>
                    {content.find((c) => c.id === e.contentId)?.name ?? 'Content item'}
                  </Link>
                ),
              },
              { header: 'Arms', cell: arms },
              {
                header: 'Goal',
                cell: (e) =>
                  goals.find((g) => g.id === e.goalId)?.name ?? (
                    <span class="muted">unknown goal</span>
                  ),
              },
              {
                header: 'Started',
                cell: (e) =>
                  e.startedAt ? (
                    formatDateTime(e.startedAt)
                  ) : (
                    <span class="muted">not started</span>
                  ),
              },
            ]}
          />
        )}
      </ListSection>
    </>
  );
}

import type { Goal } from '@waymark/shared';
import { goalsApi } from '../../api/goals';
import { DataTable } from '../../components/data-table';
import { EmptyState } from '../../components/empty-state';
import { Link } from '../../components/link';
import { ListSection } from '../../components/list-section';
import { NewItemLink } from '../../components/new-item-link';
import { PageHead } from '../../components/page-head';
import { useLoad } from '../../components/use-load';
import { useTitle } from '../../components/use-title';
import { summarizeRule } from '../../editors/rules/rule-summary';
import type { PageProps } from '../../page-props';
import { useWorkspace } from '../../workspace-context';

/** "Integration connected (event)" or the rule in words. */
export const goalDefinitionText = (goal: Goal): string =>
  goal.definition.kind === 'event'
    ? `Event “${goal.definition.event}”${goal.definition.where.length ? ` with ${goal.definition.where.length} property filter(s)` : ''}`
    : summarizeRule(goal.definition.rule);

/** Goals: what marks success, and how many users reached it. */
export function GoalsPage(_props: PageProps) {
  useTitle('Goals');
  const { api, workspace } = useWorkspace();
  const { load, reload } = useLoad(
    (signal) => goalsApi(api, workspace.id).list(signal),
    [api, workspace.id],
  );
  return (
    <>
      <PageHead title="Goals" lede="Milestones that mark success, recorded once per user.">
        <NewItemLink href="/goals/new">New goal</NewItemLink>
      </PageHead>
      <ListSection
        label="Goals"
        load={load}
        onRetry={reload}
        isEmpty={(goals) => goals.length === 0}
        empty={
          <EmptyState icon="goals" title="No goals yet">
            <p>
              A goal is an event (“Integration Connected”) or a rule that marks success. Use goals
              in targeting and to judge experiments.
            </p>
          </EmptyState>
        }
      >
        {(goals) => (
          <DataTable
            rows={goals}
            keyOf={(g) => g.id}
            columns={[
              {
                header: 'Name',
                cellClass: 'cell-name',
                cell: (g) => <Link href={`/goals/${g.id}`}>{g.name}</Link>,
              },
              {
                header: 'Reached when',
                cellClass: 'goal-definition-cell',
                cell: goalDefinitionText,
              },
              {
                header: 'Completions',
                numeric: true,
                cell: (g) => g.completions.toLocaleString('en'),
              },
            ]}
          />
        )}
      </ListSection>
    </>
  );
}

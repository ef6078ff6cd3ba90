import type { Goal } from '@waymark/shared';
import { goalsApi } from '../../api/goals';
import { EmptyState } from '../../components/empty-state';
import { Link } from '../../components/link';
import { LoadView } from '../../components/load-view';
import { useLoad } from '../../components/use-load';
import { useTitle } from '../../components/use-title';
import { summarizeRule } from '../../editors/rules/rule-summary';
import type { PageProps } from '../../page-props';
import { useCan, useWorkspace } from '../../workspace-context';

/** "Integration connected (event)" or the rule in words. */
export const goalDefinitionText = (goal: Goal): string =>
  goal.definition.kind === 'event'
    ? `Event “${goal.definition.event}”${goal.definition.where.length ? ` with ${goal.definition.where.length} property filter(s)` : ''}`
    : summarizeRule(goal.definition.rule);

/** Goals: what marks success, and how many users reached it. */
export function GoalsPage(_props: PageProps) {
  useTitle('Goals');
  const { api, workspace } = useWorkspace();
  const canEdit = useCan('editor');
  const { load, reload } = useLoad(
    (signal) => goalsApi(api, workspace.id).list(signal),
    [api, workspace.id],
  );
  return (
    <>
      <div class="page-head">
        <div>
          <h1>Goals</h1>
          <p class="page-lede">Milestones that mark success, recorded once per user.</p>
        </div>
        {canEdit && (
          <Link href="/goals/new" class="button button-primary">
            New goal
          </Link>
        )}
      </div>
      <section aria-label="Goals" aria-busy={load.state === 'loading'}>
        <LoadView load={load} what="goals" onRetry={reload}>
          {(goals) =>
            goals.length === 0 ? (
              <EmptyState icon="goals" title="No goals yet">
                <p>
                  A goal is an event (“Integration Connected”) or a rule that marks success. Use
                  goals in targeting and to judge experiments.
                </p>
              </EmptyState>
            ) : (
              <div class="table-card">
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Reached when</th>
                      <th scope="col" class="cell-number">
                        Completions
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {goals.map((g) => (
                      <tr key={g.id}>
                        <td class="cell-name">
                          <Link href={`/goals/${g.id}`}>{g.name}</Link>
                        </td>
                        <td class="goal-definition-cell">{goalDefinitionText(g)}</td>
                        <td class="cell-number">{g.completions.toLocaleString('en')}</td>
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

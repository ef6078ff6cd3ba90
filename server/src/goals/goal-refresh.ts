import { compileFirstEventSql, type GoalDefinition } from '@waymark/shared';
import type { Queryable } from '../identity/identity-ops';
import { onlyUsers, ruleOverAllUsers, ruleOverUsers } from '../identity/rule-scope';

/**
 * Records completions for users who reached the goal and had not yet: once per user. An event
 * goal completes at its first matching event; a rule goal when the rule is first seen to hold.
 * With `users`, only those users are looked at (incremental evaluation).
 */
export async function refreshGoal(
  q: Queryable,
  workspaceId: string,
  goalId: string,
  definition: GoalDefinition,
  now: Date,
  users?: string[],
): Promise<number> {
  const { text, values } = goalRefreshSql(workspaceId, goalId, definition, now, users);
  const rows = await q.query<unknown[]>(text, values);
  return rows.length;
}

/** The statement of `refreshGoal`; its text depends only on the definition and on `users` given. */
export function goalRefreshSql(
  workspaceId: string,
  goalId: string,
  definition: GoalDefinition,
  now: Date,
  users?: string[],
): { text: string; values: unknown[] } {
  const params: unknown[] = [workspaceId, goalId, now.toISOString()];
  const filter = onlyUsers(params, 'u.id', users);
  // Everyone: a rule's event aggregates are computed once per user (set-based).
  const plan =
    definition.kind === 'rule' && !users ? ruleOverAllUsers(definition.rule, params, now) : null;
  const candidates = `FROM end_users u ${plan?.joins ?? ''}
    WHERE u.workspace_id = $1 AND u.merged_into IS NULL ${filter}
    AND NOT EXISTS (SELECT 1 FROM goal_completions g
      WHERE g.workspace_id = $1 AND g.goal_id = $2 AND g.end_user_id = u.id)`;
  const opts = { params, workspace: '$1', user: 'u.id', traits: 'u.traits', now };
  const select =
    definition.kind === 'event'
      ? `SELECT $1::uuid, $2::uuid, x.id, least(x.first, $3::timestamptz) FROM (
           SELECT u.id, ${compileFirstEventSql(definition.event, definition.where, opts)} AS first ${candidates}
         ) x WHERE x.first IS NOT NULL`
      : `SELECT $1::uuid, $2::uuid, u.id, $3::timestamptz ${candidates} AND ${plan?.expr ?? ruleOverUsers(definition.rule, params, now)}`;
  const text = `${plan?.with ? `WITH ${plan.with.replace(/,$/, '')}` : ''}
     INSERT INTO goal_completions (workspace_id, goal_id, end_user_id, completed_at) ${select}
     ON CONFLICT DO NOTHING RETURNING end_user_id`;
  return { text, values: params };
}

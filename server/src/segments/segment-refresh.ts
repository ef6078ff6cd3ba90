import type { Rule } from '@waymark/shared';
import type { Queryable } from '../identity/identity-ops';
import { canonicalUsers, onlyUsers, ruleOverAllUsers, ruleOverUsers } from '../identity/rule-scope';

/**
 * Brings a segment's materialised membership in line with its rule in one statement: users for
 * whom it holds and who are not members enter (entered_at = now), members for whom it no longer
 * holds exit (exited_at = now). With `users`, only those users are looked at. `NOT IN` (a hashed
 * subplan over `cur`) rather than NOT EXISTS: the planner cannot estimate `cur` (an opaque rule)
 * and, guessing it small, may pick a nested loop over it — quadratic at 100k members.
 */
export async function refreshSegment(
  q: Queryable,
  workspaceId: string,
  segmentId: string,
  rule: Rule,
  now: Date,
  users?: string[],
): Promise<{ members: number; entered: number; exited: number }> {
  const { text, values } = segmentRefreshSql(workspaceId, segmentId, rule, now, users);
  const [row] = await q.query<Array<{ members: number; entered: number; exited: number }>>(
    text,
    values,
  );
  return row ?? { members: 0, entered: 0, exited: 0 };
}

/** The statement of `refreshSegment`; its text depends only on the rule and on `users` given. */
export function segmentRefreshSql(
  workspaceId: string,
  segmentId: string,
  rule: Rule,
  now: Date,
  users?: string[],
): { text: string; values: unknown[] } {
  const params: unknown[] = [workspaceId, segmentId, now.toISOString()];
  const userFilter = onlyUsers(params, 'u.id', users);
  const memberFilter = users ? `AND m.end_user_id IN (${canonicalUsers(params.length)})` : '';
  // Everyone: aggregate events once per user (set-based); some users: correlated per user.
  const plan = users
    ? { expr: ruleOverUsers(rule, params, now), with: '', joins: '' }
    : ruleOverAllUsers(rule, params, now);
  const text = `WITH ${plan.with} cur AS MATERIALIZED (
       SELECT u.id FROM end_users u ${plan.joins}
       WHERE u.workspace_id = $1 AND u.merged_into IS NULL ${userFilter} AND ${plan.expr}
     ), exited AS (
       UPDATE segment_memberships m SET exited_at = $3::timestamptz
       WHERE m.workspace_id = $1 AND m.segment_id = $2 AND m.exited_at IS NULL ${memberFilter}
         AND m.end_user_id NOT IN (SELECT cur.id FROM cur)
       RETURNING 1
     ), entered AS (
       INSERT INTO segment_memberships (workspace_id, segment_id, end_user_id, entered_at)
       SELECT $1, $2, cur.id, $3::timestamptz FROM cur
       WHERE NOT EXISTS (SELECT 1 FROM segment_memberships m WHERE m.workspace_id = $1
         AND m.segment_id = $2 AND m.end_user_id = cur.id AND m.exited_at IS NULL)
       ON CONFLICT DO NOTHING
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM cur)::int AS members, (SELECT count(*) FROM entered)::int AS entered,
            (SELECT count(*) FROM exited)::int AS exited`;
  return { text, values: params };
}

/** Rule preview while editing: how many users it holds for now, and a sample. */
export async function previewRule(
  q: Queryable,
  workspaceId: string,
  rule: Rule,
  sample: number,
  now: Date,
): Promise<{
  count: number;
  sample: Array<{ id: string; user_id: string | null; anonymous_id: string | null }>;
}> {
  const params: unknown[] = [workspaceId, sample];
  const expr = ruleOverUsers(rule, params, now);
  const rows = await q.query<
    Array<{ total: number; id: string | null; user_id: string | null; anonymous_id: string | null }>
  >(
    `WITH hit AS MATERIALIZED (
       SELECT u.id, u.user_id FROM end_users u WHERE u.workspace_id = $1 AND u.merged_into IS NULL AND ${expr}
     )
     SELECT (SELECT count(*) FROM hit)::int AS total, s.id, s.user_id,
       (SELECT i.external_id FROM identities i WHERE i.workspace_id = $1 AND i.end_user_id = s.id
          AND i.kind = 'anonymous' ORDER BY i.created_at DESC LIMIT 1) AS anonymous_id
     FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT * FROM hit ORDER BY hit.id LIMIT $2) s ON true`,
    params,
  );
  return {
    count: rows[0]?.total ?? 0,
    sample: rows.flatMap((r) =>
      r.id ? [{ id: r.id, user_id: r.user_id, anonymous_id: r.anonymous_id }] : [],
    ),
  };
}

import {
  compileFirstEventSql,
  type JourneyStage,
  type Rule,
  type RuleSqlSets,
} from '@waymark/shared';
import type { Queryable } from '../identity/identity-ops';
import { canonicalUsers, onlyUsers, ruleOverAllUsers, ruleOverUsers } from '../identity/rule-scope';

/** A stage entered by a plain "did X" rule was entered at the first X; other rules at `now`. */
function firstEvent(
  rule: Rule,
): { name: string; where: Extract<Rule, { type: 'event' }>['where'] } | null {
  if (!('type' in rule) || rule.type !== 'event' || rule.window) return null;
  if (rule.count.op !== 'gte' || rule.count.value !== 1) return null;
  return { name: rule.name, where: rule.where };
}

/**
 * Places users in a journey: the current stage is the furthest stage whose entry rule holds.
 * Records the first entry into each stage up to it (stages passed through count as entered) and
 * moves positions; users for whom no stage holds leave the journey. With `users`, only those.
 */
export async function refreshJourney(
  q: Queryable,
  workspaceId: string,
  journeyId: string,
  stages: JourneyStage[],
  now: Date,
  users?: string[],
): Promise<{ members: number; entered: number; exited: number }> {
  const { text, values } = journeyRefreshSql(workspaceId, journeyId, stages, now, users);
  const [row] = await q.query<Array<{ members: number; entered: number; exited: number }>>(
    text,
    values,
  );
  return row ?? { members: 0, entered: 0, exited: 0 };
}

/** The statement of `refreshJourney`; its text depends only on the stages and on `users` given. */
export function journeyRefreshSql(
  workspaceId: string,
  journeyId: string,
  stages: JourneyStage[],
  now: Date,
  users?: string[],
): { text: string; values: unknown[] } {
  const params: unknown[] = [workspaceId, journeyId, now.toISOString(), stages.map((s) => s.id)];
  const userFilter = onlyUsers(params, 'u.id', users);
  const positionFilter = users ? `AND p.end_user_id IN (${canonicalUsers(params.length)})` : '';
  // Everyone: each stage rule's event aggregates are computed once per user (set-based).
  let sets = { with: '', joins: '' };
  const gathered: RuleSqlSets = { ctes: [], joins: [] };
  const stageSql = (rule: Rule): string => {
    if (users) return ruleOverUsers(rule, params, now);
    const plan = ruleOverAllUsers(rule, params, now, gathered);
    sets = plan;
    return plan.expr;
  };
  const cases = stages
    .map((s, k) => ({ s, k }))
    .reverse()
    .map(({ s, k }) => `WHEN ${stageSql(s.rule)} THEN ${k}`)
    .join(' ');
  const opts = { params, workspace: '$1', user: 'r.id', traits: 'NULL', now };
  const hints = stages
    .map((s, k) => {
      const first = firstEvent(s.rule);
      return first
        ? `WHEN ${k} THEN coalesce(${compileFirstEventSql(first.name, first.where, opts)}, $3::timestamptz)`
        : '';
    })
    .join(' ');
  const at = hints.trim() ? `CASE r.k ${hints} ELSE $3::timestamptz END` : '$3::timestamptz';
  const text = `WITH ${sets.with} cur AS MATERIALIZED (
       SELECT u.id, CASE ${cases} END AS idx FROM end_users u ${sets.joins}
       WHERE u.workspace_id = $1 AND u.merged_into IS NULL ${userFilter}
     ), reached AS MATERIALIZED (
       SELECT cur.id, cur.idx, k FROM cur CROSS JOIN LATERAL generate_series(0, cur.idx) AS k
       WHERE cur.idx IS NOT NULL
     ), fresh AS MATERIALIZED (
       SELECT r.id, r.idx, r.k, ($4::text[])[r.k + 1] AS stage_id, least(${at}, $3::timestamptz) AS at
       FROM reached r
       WHERE NOT EXISTS (SELECT 1 FROM journey_stage_entries e WHERE e.workspace_id = $1
         AND e.journey_id = $2 AND e.end_user_id = r.id AND e.stage_id = ($4::text[])[r.k + 1])
     ), entries AS (
       INSERT INTO journey_stage_entries (workspace_id, journey_id, end_user_id, stage_id, entered_at)
       SELECT $1, $2, id, stage_id, at FROM fresh ON CONFLICT DO NOTHING RETURNING 1
     ), moved AS (
       INSERT INTO journey_positions (workspace_id, journey_id, end_user_id, stage_id, since)
       SELECT $1, $2, cur.id, ($4::text[])[cur.idx + 1], coalesce(f.at, $3::timestamptz)
       FROM cur LEFT JOIN fresh f ON f.id = cur.id AND f.k = cur.idx WHERE cur.idx IS NOT NULL
       ON CONFLICT (workspace_id, journey_id, end_user_id) DO UPDATE
         SET stage_id = EXCLUDED.stage_id, since = $3::timestamptz
         WHERE journey_positions.stage_id <> EXCLUDED.stage_id
       RETURNING 1
     ), gone AS (
       DELETE FROM journey_positions p WHERE p.workspace_id = $1 AND p.journey_id = $2 ${positionFilter}
         AND p.end_user_id NOT IN (SELECT cur.id FROM cur WHERE cur.idx IS NOT NULL)
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM cur WHERE idx IS NOT NULL)::int AS members,
            (SELECT count(*) FROM moved)::int AS entered, (SELECT count(*) FROM gone)::int AS exited`;
  return { text, values: params };
}

import type { GoalStats, GoalStatsQuery } from '@waymark/shared';
import type { Queryable } from '../identity/identity-ops';

const DAY_MS = 86_400_000;

/**
 * Completion rate over time. Periods are UTC days, ISO weeks or months. For each: completions in
 * it, completions so far, users first seen so far, and their ratio.
 */
export async function goalStats(
  q: Queryable,
  workspaceId: string,
  goalId: string,
  query: GoalStatsQuery,
  now: Date,
): Promise<GoalStats> {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY_MS);
  const bucket = (column: string) =>
    `to_char(date_trunc($2, ${column} AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS p, count(*)::int AS n`;
  const periods = await q.query<Array<{ p: string }>>(
    `SELECT to_char(p, 'YYYY-MM-DD') AS p FROM generate_series(date_trunc($1, $2::timestamptz AT TIME ZONE 'UTC'),
       date_trunc($1, $3::timestamptz AT TIME ZONE 'UTC'), ('1 ' || $1)::interval) AS p LIMIT 1000`,
    [query.interval, from.toISOString(), to.toISOString()],
  );
  const completions = await q.query<Array<{ p: string; n: number }>>(
    `SELECT ${bucket('completed_at')} FROM goal_completions
     WHERE workspace_id = $1 AND goal_id = $3 GROUP BY 1`,
    [workspaceId, query.interval, goalId],
  );
  const users = await q.query<Array<{ p: string; n: number }>>(
    `SELECT ${bucket('coalesce(first_seen_at, created_at)')} FROM end_users
     WHERE workspace_id = $1 AND merged_into IS NULL GROUP BY 1`,
    [workspaceId, query.interval],
  );
  const upTo = (rows: Array<{ p: string; n: number }>, p: string) =>
    rows.filter((r) => r.p <= p).reduce((sum, r) => sum + r.n, 0);
  const series = periods.map(({ p }) => {
    const cumulative = upTo(completions, p);
    const seen = upTo(users, p);
    return {
      period: p,
      completions: completions.find((r) => r.p === p)?.n ?? 0,
      cumulative,
      users: seen,
      rate: seen ? cumulative / seen : 0,
    };
  });
  const total = completions.reduce((sum, r) => sum + r.n, 0);
  const everyone = users.reduce((sum, r) => sum + r.n, 0);
  return {
    goalId,
    completions: total,
    users: everyone,
    rate: everyone ? total / everyone : 0,
    series,
  };
}

import type { JourneyStage, JourneyStats } from '@waymark/shared';
import type { Queryable } from '../identity/identity-ops';

const DAY_MS = 86_400_000;

/**
 * Per stage: users in it now, users who ever entered it, conversion to the next stage, time
 * from entering it to entering the next (median, p90, over users who moved on), and users
 * stalled in it for longer than `stallDays`.
 */
export async function journeyStats(
  q: Queryable,
  workspaceId: string,
  journeyId: string,
  stages: JourneyStage[],
  stallDays: number,
  now: Date,
): Promise<JourneyStats> {
  const ids = stages.map((s) => s.id);
  const current = await q.query<Array<{ stage_id: string; n: number; stalled: number }>>(
    `SELECT stage_id, count(*)::int AS n, (count(*) FILTER (WHERE since < $3))::int AS stalled
     FROM journey_positions WHERE workspace_id = $1 AND journey_id = $2 GROUP BY stage_id`,
    [workspaceId, journeyId, new Date(now.getTime() - stallDays * DAY_MS)],
  );
  const entered = await q.query<Array<{ stage_id: string; n: number }>>(
    `SELECT stage_id, count(*)::int AS n FROM journey_stage_entries
     WHERE workspace_id = $1 AND journey_id = $2 GROUP BY stage_id`,
    [workspaceId, journeyId],
  );
  const durations = await q.query<
    Array<{ stage_id: string; median: number | null; p90: number | null; n: number }>
  >(
    `SELECT a.stage_id,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY greatest(0, extract(epoch FROM b.entered_at - a.entered_at))) AS median,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY greatest(0, extract(epoch FROM b.entered_at - a.entered_at))) AS p90,
       count(*)::int AS n
     FROM unnest($3::text[], $4::text[]) AS pair(stage, next)
     JOIN journey_stage_entries a ON a.workspace_id = $1 AND a.journey_id = $2 AND a.stage_id = pair.stage
     JOIN journey_stage_entries b ON b.workspace_id = $1 AND b.journey_id = $2
       AND b.end_user_id = a.end_user_id AND b.stage_id = pair.next
     GROUP BY a.stage_id`,
    [workspaceId, journeyId, ids.slice(0, -1), ids.slice(1)],
  );
  const count = (rows: Array<{ stage_id: string; n: number }>, id: string | undefined) =>
    rows.find((r) => r.stage_id === id)?.n ?? 0;
  const result = stages.map((stage, k) => {
    const here = count(entered, stage.id);
    const next = ids[k + 1];
    const time = durations.find((d) => d.stage_id === stage.id);
    return {
      id: stage.id,
      name: stage.name,
      current: count(current, stage.id),
      entered: here,
      conversionToNext: next === undefined ? null : here ? count(entered, next) / here : 0,
      timeInStage: {
        median: time?.median === null || time === undefined ? null : Number(time.median),
        p90: time?.p90 === null || time === undefined ? null : Number(time.p90),
        users: time?.n ?? 0,
      },
      stalled: current.find((r) => r.stage_id === stage.id)?.stalled ?? 0,
    };
  });
  const worst = [...result].sort((a, b) => b.stalled - a.stalled)[0];
  return { journeyId, stages: result, mostStalled: worst && worst.stalled > 0 ? worst.id : null };
}

import type { DataSource } from 'typeorm';

const DAY_MS = 86_400_000;
/** Rows deleted per statement, so one workspace's purge never holds a long transaction. */
const BATCH = 10_000;

/**
 * Applies each workspace's `event_retention_days` (NULL: keep forever, the default — deleting
 * a customer's history is an operator's choice, and goals, journeys and analytics read it).
 * Run by the periodic-refresh leader only (LiveEvaluator), at its first tick and every 6 hours.
 *
 * Monthly partitions hold every workspace's events, so a month is dropped (`wm_prune_events`,
 * cheap: DETACH + DROP) only once every workspace's retention has passed it; a workspace that
 * keeps less than the longest is trimmed row by row (`wm_prune_workspace_events`, in batches).
 */
export class EventRetention {
  constructor(private readonly db: DataSource) {}

  async apply(now = new Date()): Promise<{ partitions: string[]; rows: number }> {
    const workspaces = await this.db.query<Array<{ id: string; days: number | null }>>(
      `SELECT id, event_retention_days AS days FROM workspaces`,
    );
    const cutoff = (days: number) => new Date(now.getTime() - days * DAY_MS);
    let partitions: string[] = [];
    if (workspaces.length > 0 && workspaces.every((w) => w.days !== null)) {
      const longest = Math.max(...workspaces.map((w) => w.days ?? 0));
      const dropped = await this.db.query<Array<{ name: string }>>(
        `SELECT wm_prune_events($1::timestamptz) AS name`,
        [cutoff(longest)],
      );
      partitions = dropped.map((r) => r.name);
    }
    let rows = 0;
    for (const w of workspaces) {
      if (w.days === null) continue;
      for (;;) {
        const [row] = await this.db.query<Array<{ n: number }>>(
          `SELECT wm_prune_workspace_events($1, $2::timestamptz, $3) AS n`,
          [w.id, cutoff(w.days), BATCH],
        );
        rows += row?.n ?? 0;
        if ((row?.n ?? 0) < BATCH) break;
      }
    }
    return { partitions, rows };
  }
}

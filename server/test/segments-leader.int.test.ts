import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../src/database/data-source';
import { EventWriter } from '../src/events/event-writer';
import { GoalsService } from '../src/goals/goals.service';
import { IdentityService } from '../src/identity/identity.service';
import { ConfigChanges } from '../src/content/config-changes';
import { JourneysService } from '../src/journeys/journeys.service';
import { LiveEvaluator } from '../src/segments/live-evaluator';
import { SegmentsService } from '../src/segments/segments.service';
import { createWorkspace } from './support/factories';
import { testDatabaseUrl } from './support/test-app';

/** One app instance's evaluator, on its own connection pool (as a second process would be). */
function instance(db: DataSource): LiveEvaluator {
  const identity = new IdentityService(db, new ConfigChanges(db));
  return new LiveEvaluator(
    db,
    new EventWriter(db, identity),
    new SegmentsService(db, identity),
    new GoalsService(db, identity),
    new JourneysService(db),
  );
}

let dbs: DataSource[];
beforeAll(async () => {
  dbs = [await openDatabase(testDatabaseUrl()), await openDatabase(testDatabaseUrl())];
});
afterAll(async () => {
  for (const db of dbs) if (db.isInitialized) await db.destroy();
});

describe('periodic refresh leader (advisory lock)', () => {
  it('runs on one instance of two sharing a database; another takes over when it goes', async () => {
    const [a, b] = dbs.map(instance) as [LiveEvaluator, LiveEvaluator];
    const db = dbs[0]!;
    // A time-based segment ("not seen for 14 days") and a user last seen 20 days ago.
    const { workspaceId } = await createWorkspace(db);
    const segmentId = randomUUID();
    const userId = randomUUID();
    await db.query(
      `INSERT INTO segments (workspace_id, id, name, rule) VALUES ($1, $2, 'Idle', $3)`,
      [
        workspaceId,
        segmentId,
        JSON.stringify({ type: 'last_seen', op: 'more_than_days_ago', value: 14 }),
      ],
    );
    await db.query(`INSERT INTO end_users (workspace_id, id, user_id) VALUES ($1, $2, 'idle-1')`, [
      workspaceId,
      userId,
    ]);
    await db.query(
      `INSERT INTO identities (workspace_id, kind, external_id, end_user_id) VALUES ($1, 'user', 'idle-1', $2)`,
      [workspaceId, userId],
    );
    await db.query(
      `INSERT INTO events (workspace_id, message_id, name, user_id, ts) VALUES ($1, $2, 'Seen', 'idle-1', now() - interval '20 days')`,
      [workspaceId, randomUUID()],
    );
    const members = async () =>
      (
        await db.query<Array<{ n: number }>>(
          `SELECT count(*)::int AS n FROM segment_memberships WHERE workspace_id = $1 AND segment_id = $2 AND exited_at IS NULL`,
          [workspaceId, segmentId],
        )
      )[0]!.n;

    try {
      // Both tick at once: exactly one runs the refresh.
      const first = await Promise.all([a.periodic(), b.periodic()]);
      expect(first.filter(Boolean)).toHaveLength(1);
      const [leader, follower] = first[0] ? [a, b] : [b, a];
      expect(await members()).toBe(1);

      // The follower stays out while the leader lives; the refresh it skipped changes nothing.
      await db.query(`DELETE FROM segment_memberships WHERE workspace_id = $1`, [workspaceId]);
      expect(await follower.periodic()).toBe(false);
      expect(await members()).toBe(0);
      expect(await leader.periodic()).toBe(true);
      expect(await members()).toBe(1);

      // The leader shuts down: the follower leads from its next tick.
      await leader.resign();
      expect(await follower.periodic()).toBe(true);
      expect(await leader.periodic()).toBe(false);

      // The new leader's connection dies (crash, network): PostgreSQL frees the lock with it.
      await db.query(
        `SELECT pg_terminate_backend(pid) FROM pg_locks
         WHERE locktype = 'advisory' AND granted AND objid = (hashtextextended('waymark:periodic-refresh', 0) & 4294967295)::oid`,
      );
      // The backend exits asynchronously: the next ticks find the lock free once it has.
      const end = Date.now() + 10_000;
      let took = await leader.periodic();
      while (!took && Date.now() < end) {
        await new Promise((r) => setTimeout(r, 50));
        took = await leader.periodic();
      }
      expect(took).toBe(true);
    } finally {
      await a.resign();
      await b.resign();
    }
  });
});

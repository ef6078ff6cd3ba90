import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../src/database/data-source';
import { EventRetention } from '../src/segments/event-retention';
import { createWorkspace } from './support/factories';
import { testDatabaseUrl } from './support/test-app';

/**
 * Per-workspace event retention (`workspaces.event_retention_days`), applied by the leader's
 * job: whole months go as partitions once every workspace's retention has passed them; a
 * workspace keeping less than the others loses its older rows alone; event_ids follow.
 */

let db: DataSource;
beforeAll(async () => {
  db = await openDatabase(testDatabaseUrl());
});
afterAll(() => db.destroy());

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

async function insert(workspaceId: string, ts: string): Promise<string> {
  const messageId = randomUUID();
  await db.query(
    `WITH ids AS (INSERT INTO event_ids VALUES ($1, $2) RETURNING *)
     INSERT INTO events (workspace_id, message_id, name, anonymous_id, ts)
     SELECT workspace_id, message_id, 'E', 'a', $3 FROM ids`,
    [workspaceId, messageId, ts],
  );
  return messageId;
}

const left = async (table: 'events' | 'event_ids', workspaceId: string) =>
  (
    await db.query<Array<{ message_id: string }>>(
      `SELECT message_id FROM ${table} WHERE workspace_id = $1 ORDER BY message_id`,
      [workspaceId],
    )
  ).map((r) => r.message_id);

const partitionExists = async (name: string) =>
  (await db.query<unknown[]>(`SELECT 1 FROM pg_class WHERE relname = $1`, [name])).length > 0;

describe('event retention job', () => {
  it('keeps everything while any workspace keeps forever (the default)', async () => {
    const { workspaceId } = await createWorkspace(db);
    const old = await insert(workspaceId, daysAgo(400));
    const [row] = await db.query<Array<{ days: number | null }>>(
      `SELECT event_retention_days AS days FROM workspaces WHERE id = $1`,
      [workspaceId],
    );
    expect(row?.days).toBeNull();
    await new EventRetention(db).apply();
    expect(await left('events', workspaceId)).toEqual([old]);
  });

  it('drops months every workspace is done with, and trims a shorter-lived workspace by row', async () => {
    const short = (await createWorkspace(db)).workspaceId;
    const long = (await createWorkspace(db)).workspaceId;
    // Other tests' workspaces share this database: for this run every workspace without a
    // setting keeps 20,000 days (≈ 1971 onwards), so only the 1960 partition below is past
    // everyone's retention. Restored afterwards.
    const unset = (
      await db.query<Array<{ id: string }>>(
        `UPDATE workspaces SET event_retention_days = 20000
         WHERE event_retention_days IS NULL AND id <> ALL($1::uuid[]) RETURNING id`,
        [[short, long]],
      )
    ).map((r) => r.id);
    try {
      await db.query(`UPDATE workspaces SET event_retention_days = 30 WHERE id = $1`, [short]);
      await db.query(`UPDATE workspaces SET event_retention_days = 20000 WHERE id = $1`, [long]);
      await db.query(`SELECT wm_ensure_event_partition('1960-03-01')`);
      const ancient = await insert(long, '1960-03-15T00:00:00Z');
      const shortOld = await insert(short, daysAgo(45));
      const shortRecent = await insert(short, daysAgo(5));
      const longOld = await insert(long, daysAgo(45));

      const result = await new EventRetention(db).apply();

      expect(result.partitions).toContain('events_1960_03');
      expect(await partitionExists('events_1960_03')).toBe(false);
      expect(await left('events', short)).toEqual([shortRecent]);
      expect(await left('event_ids', short)).toEqual([shortRecent]);
      expect(await left('events', long)).toEqual([longOld]);
      expect(await left('event_ids', long)).not.toContain(ancient);
      expect(result.rows).toBeGreaterThanOrEqual(1);
      expect(await left('events', short)).not.toContain(shortOld);
    } finally {
      await db.query(
        `UPDATE workspaces SET event_retention_days = NULL WHERE id = ANY($1::uuid[])`,
        [unset],
      );
    }
  });

  it('refuses a retention under a day', async () => {
    const { workspaceId } = await createWorkspace(db);
    await expect(
      db.query(`UPDATE workspaces SET event_retention_days = 0 WHERE id = $1`, [workspaceId]),
    ).rejects.toThrow(/check constraint/);
  });
});

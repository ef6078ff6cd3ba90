import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../src/database/data-source';
import { EventPartitions } from '../src/events/event-partitions';
import { createWorkspace } from './support/factories';
import { testDatabaseUrl } from './support/test-app';

let db: DataSource;
beforeAll(async () => {
  db = await openDatabase(testDatabaseUrl());
});
afterAll(() => db.destroy());

const insert = (workspaceId: string, messageId: string, ts: string) =>
  db.query(
    `WITH ids AS (INSERT INTO event_ids VALUES ($1, $2) RETURNING *)
     INSERT INTO events (workspace_id, message_id, name, anonymous_id, ts) SELECT workspace_id, message_id, 'E', 'a', $3 FROM ids`,
    [workspaceId, messageId, ts],
  );

describe('event retention (wm_prune_events)', () => {
  it('drops whole months before the cutoff with their event_ids, and old default rows', async () => {
    const { workspaceId } = await createWorkspace(db);
    const partitions = new EventPartitions(db);
    // Months far in the past so other tests' partitions are not touched: 1990-01 and 1990-02 as
    // partitions, 1989-06 left in the default partition.
    await db.query(
      `SELECT wm_ensure_event_partition('1990-01-01'), wm_ensure_event_partition('1990-02-01')`,
    );
    const jan = randomUUID();
    const feb = randomUUID();
    const old = randomUUID();
    const kept = randomUUID();
    await insert(workspaceId, jan, '1990-01-15T00:00:00Z');
    await insert(workspaceId, feb, '1990-02-15T00:00:00Z');
    await insert(workspaceId, old, '1989-06-15T00:00:00Z');
    await insert(workspaceId, kept, new Date().toISOString());

    // The cutoff falls inside February: January goes whole; February stays (not a whole month).
    expect(await partitions.prune(new Date('1990-02-10T00:00:00Z'))).toEqual(['events_1990_01']);
    const left = async (table: string) =>
      (
        await db.query<Array<{ message_id: string }>>(
          `SELECT message_id FROM ${table} WHERE workspace_id = $1 ORDER BY message_id`,
          [workspaceId],
        )
      ).map((r) => r.message_id);
    expect(await left('events')).toEqual([feb, kept].sort());
    expect(await left('event_ids')).toEqual([feb, kept].sort());
    expect(
      (await db.query(`SELECT to_regclass('events_1990_01') AS t`))[0].t as string | null,
    ).toBeNull();

    // A pruned message id is no longer remembered: it can be stored again.
    await insert(workspaceId, jan, '1990-02-20T00:00:00Z');
    expect(await left('event_ids')).toContain(jan);

    // Nothing older is left: pruning again drops nothing.
    expect(await partitions.prune(new Date('1990-02-10T00:00:00Z'))).toEqual([]);
    await partitions.prune(new Date('1990-03-01T00:00:00Z'));
    expect(await left('events')).toEqual([kept]);
  });
});

import type { Rule } from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../src/database/data-source';
import { IdentityService } from '../src/identity/identity.service';
import { ConfigChanges } from '../src/content/config-changes';
import { LiveConnection } from '../src/segments/live-connection';
import { SegmentsService, type StoredSegment } from '../src/segments/segments.service';
import { createWorkspace } from './support/factories';
import { testDatabaseUrl } from './support/test-app';

let db: DataSource;
let live: LiveConnection;
beforeAll(async () => {
  db = await openDatabase(testDatabaseUrl());
  live = new LiveConnection(db);
});
afterAll(async () => {
  await live.close();
  if (db.isInitialized) await db.destroy();
});

/** A stored segment with `rule` (no HTTP: the live statement is what is under test). */
async function segment(workspaceId: string, rule: Rule): Promise<StoredSegment> {
  const id = randomUUID();
  await db.query(`INSERT INTO segments (workspace_id, id, name, rule) VALUES ($1, $2, $3, $4)`, [
    workspaceId,
    id,
    `s-${id}`,
    JSON.stringify(rule),
  ]);
  const now = new Date();
  return { id, name: `s-${id}`, body: rule, createdAt: now, updatedAt: now };
}

async function user(workspaceId: string, traits: Record<string, unknown>): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO end_users (workspace_id, id, user_id, traits) VALUES ($1, $2, $3, $4)`,
    [workspaceId, id, `u-${id}`, JSON.stringify(traits)],
  );
  return id;
}

const members = async (workspaceId: string, segmentId: string): Promise<string[]> =>
  (
    await db.query<Array<{ end_user_id: string }>>(
      `SELECT end_user_id FROM segment_memberships WHERE workspace_id = $1 AND segment_id = $2
         AND exited_at IS NULL ORDER BY end_user_id`,
      [workspaceId, segmentId],
    )
  ).map((r) => r.end_user_id);

describe('LiveConnection (a turn in one message, parameters as literals)', () => {
  it('passes awkward text, JSON and arrays to the statement unchanged', async () => {
    const { workspaceId } = await createWorkspace(db);
    const id = randomUUID();
    const name = `O'Brien \\ "quoted" \\' ü 𝄞 $$ ; COMMIT;`;
    const rule = { note: `it's a \\"rule\\"\n`, list: ['a', "b'c"] };
    await live.run(
      {
        definitionId: id,
        text: `INSERT INTO segments (workspace_id, id, name, rule)
               VALUES ($1, $2, $3 || ($5::text[])[2] || coalesce($6::text, '-'), $4::jsonb)`,
        values: [workspaceId, id, name, JSON.stringify(rule), ['x', `"y" \\ {z}, 'w'`], null],
      },
      'try',
    );
    const [row] = await db.query<Array<{ name: string; rule: unknown }>>(
      `SELECT name, rule FROM segments WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id],
    );
    expect(row).toEqual({ name: `${name}"y" \\ {z}, 'w'-`, rule });
  });

  it('evaluates a segment whose rule values need quoting, with the same answer as a refresh', async () => {
    const { workspaceId } = await createWorkspace(db);
    const odd = `it's \\ "odd"`;
    const s = await segment(workspaceId, { type: 'trait', key: "pl'an", op: 'eq', value: odd });
    const inside = await user(workspaceId, { "pl'an": odd });
    const outside = await user(workspaceId, { "pl'an": 'plain' });
    const segments = new SegmentsService(db, new IdentityService(db, new ConfigChanges(db)));

    const run = await live.run(
      segments.liveStatement(workspaceId, s, new Date(), [inside, outside]),
      'try',
    );

    expect(run.locked).toBe(true);
    expect(await members(workspaceId, s.id)).toEqual([inside]);
    await segments.refresh(workspaceId, s);
    expect(await members(workspaceId, s.id)).toEqual([inside]);
  });

  it('evaluates without waiting when the definition is locked, and says so', async () => {
    const { workspaceId } = await createWorkspace(db);
    const s = await segment(workspaceId, { type: 'trait', key: 'plan', op: 'eq', value: 'pro' });
    const pro = await user(workspaceId, { plan: 'pro' });
    const segments = new SegmentsService(db, new IdentityService(db, new ConfigChanges(db)));
    const holder = db.createQueryRunner();
    await holder.connect();
    try {
      await holder.startTransaction();
      await holder.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 11))`, [s.id]);

      const fast = await live.run(segments.liveStatement(workspaceId, s, new Date(), [pro]), 'try');
      expect(fast.locked).toBe(false);
      expect(await members(workspaceId, s.id)).toEqual([pro]);

      // The waiting lane runs only after the holder is done.
      const waiting = new LiveConnection(db);
      let done = false;
      const waited = waiting
        .run(segments.liveStatement(workspaceId, s, new Date(), [pro]), 'wait')
        .then(() => (done = true));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(done).toBe(false);
      await holder.commitTransaction();
      await waited;
      await waiting.close();
    } finally {
      await holder.release();
    }
  });

  it('stays usable after a failed turn, whether or not its statement got prepared', async () => {
    const { workspaceId } = await createWorkspace(db);
    const id = randomUUID();
    const insert = {
      definitionId: id,
      text: `INSERT INTO segments (workspace_id, id, name, rule) VALUES ($1, $2, 'n', '{}')`,
    };
    // Prepared, then failing at execution (a foreign key), then succeeding: PREPARE is kept.
    await expect(live.run({ ...insert, values: [randomUUID(), id] }, 'try')).rejects.toThrow();
    await live.run({ ...insert, values: [workspaceId, id] }, 'try');
    // A statement that cannot be prepared leaves nothing behind that the next one trips on.
    await expect(
      live.run({ definitionId: id, text: 'SELECT FROM nowhere_at_all', values: [] }, 'try'),
    ).rejects.toThrow();
    await live.run({ definitionId: id, text: 'SELECT $1::int', values: [1] }, 'try');
    const [row] = await db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM segments WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id],
    );
    expect(row?.n).toBe(1);
  });
});

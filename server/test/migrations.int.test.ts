import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { MIGRATION_LOCK, openDatabase } from '../src/database/data-source';
import { migrations } from '../src/database/migrations';
import { testDatabaseUrl } from './support/test-app';

// Instances started at once on an empty database (a deploy behind a load balancer) must not race
// to create the same tables: one migrates, the others wait and find nothing left to do.

const admin = new Client({ connectionString: testDatabaseUrl() });
const name = `${new URL(testDatabaseUrl()).pathname.slice(1)}_migrate_${randomBytes(4).toString('hex')}`;
const url = (() => {
  const u = new URL(testDatabaseUrl());
  u.pathname = `/${name}`;
  return u.toString();
})();

beforeAll(async () => {
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
});
afterAll(async () => {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

it('three instances opening an empty database together apply each migration once, then make the same partitions', async () => {
  const opened = await Promise.allSettled([
    openDatabase(url),
    openDatabase(url),
    openDatabase(url),
  ]);
  const sources = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
  try {
    expect(opened.map((o) => (o.status === 'rejected' ? String(o.reason) : 'ok'))).toEqual([
      'ok',
      'ok',
      'ok',
    ]);
    const [row] = await sources[0]!.query<{ runs: number; names: number }[]>(
      'SELECT count(*)::int AS runs, count(DISTINCT name)::int AS names FROM migrations',
    );
    expect(row).toEqual({ runs: migrations.length, names: migrations.length });
    // No instance kept the lock: another session takes it at once.
    const probe = new Client({ connectionString: url });
    await probe.connect();
    const key = MIGRATION_LOCK.toString();
    const [taken] = (
      await probe.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [key])
    ).rows;
    await probe.end();
    expect(taken).toEqual({ ok: true });

    // Then every instance makes sure of the same new months' partitions at once (as each does at
    // start): each call answers the partition's name, none fails on a table another just made.
    for (let month = 1; month <= 12; month++) {
      const start = `2099-${String(month).padStart(2, '0')}-01`;
      const names = await Promise.all(
        sources.map((s) =>
          s.query<{ name: string }[]>('SELECT wm_ensure_event_partition($1::date) AS name', [
            start,
          ]),
        ),
      );
      expect(names.map(([row]) => row?.name)).toEqual(
        sources.map(() => `events_2099_${String(month).padStart(2, '0')}`),
      );
    }
  } finally {
    await Promise.all(sources.map((s) => s.destroy()));
  }
});

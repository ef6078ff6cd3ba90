// Segment bench: full refresh of segments over U users / E events loaded with COPY, and the
// latency from an event acknowledged over HTTP to the membership changed (target p99 < 100 ms).
// 100k users / 10M events takes a while: scale with flags. Run by hand after `npm run build`:
//   node bench/segment-bench.mjs [--users=100000] [--density=1] [--trials=200] [--port=3611]
//     [--load=8]
// --reuse=1 keeps the database a previous run loaded (same flags) and only measures again.
// --load=N measures the latency a second time while N connections ingest batches of 100 events
// (for the workspace's existing users, names the segments read) through /v1/batch, and prints
// the ingestion rate of both phases' background load. BENCH_DB names the database.
// After the load it also prints:
// - the backlog drain time: from the last load batch acknowledged until every event ingested
//   during the load is reflected. Observable: sentinels. Each definition's queue is a set of users
//   served in insertion order, so a user the load never touched, reported after the load stops,
//   joins the end of every queue its event dirties; when its membership changes, everyone queued
//   before it has been evaluated. One sentinel per segment the load dirties — two fresh users
//   (created before the load; one enters "Stalled at activation", the other "Invited 3+" and
//   "Activated then invited") and one member of "Inactive 14 days" among users the load is kept
//   away from (it leaves) — each reported by a bench-only trigger's NOTIFY. The periodic pass
//   (every 60 s) could exit the last one early: the drain is then understated, not overstated.
// - CPU per ingested event: the server process and the database's backends (evaluator
//   connections — those running wm_live_… statements — apart from the rest) from /proc/<pid>/stat,
//   over the loaded phase and over loaded phase + drain (the work the events caused).
// density 17 gives ≈ 108 events per user: --users=100000 --density=17 ≈ 10.8M events.
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import { journeys } from './generate.mjs';
import {
  arg,
  client,
  cpuSampler,
  ADMIN_URL,
  createWorkspace,
  freshDatabase,
  migrate,
  percentile,
  startServer,
  stop,
} from './lib.mjs';

const require = createRequire(import.meta.url);
const { from: copyFrom } = require('pg-copy-streams');

const users = arg('users', 100_000);
const density = arg('density', 1);
const trials = arg('trials', 200);
const port = arg('port', 3611);

const load = arg('load', 0);
const DATABASE = process.env.BENCH_DB ?? 'waymark_bench_segments';
const reuse = arg('reuse', 0) === 1;
let url;
let db;
let workspaceId;
let secretKey;
let eventCount = 0;
if (reuse) {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${DATABASE}`;
  url = u.toString();
  db = await client(url);
  ({ workspaceId } = (
    await db.query('SELECT workspace_id AS "workspaceId" FROM end_users LIMIT 1')
  ).rows[0]);
  secretKey = `wm_sk_${randomBytes(24).toString('base64url')}`;
  await db.query(
    `INSERT INTO environments (workspace_id, id, name, sdk_key, secret_key_hash) VALUES ($1, $2, $3, $4, $5)`,
    [
      workspaceId,
      randomUUID(),
      `bench-${Date.now()}`,
      `wm_pk_${randomBytes(16).toString('base64url')}`,
      createHash('sha256').update(secretKey).digest('hex'),
    ],
  );
  await db.query('DELETE FROM segments WHERE workspace_id = $1', [workspaceId]);
  await db.query('DELETE FROM segment_memberships WHERE workspace_id = $1', [workspaceId]);
  eventCount = (await db.query('SELECT count(*)::int AS n FROM events')).rows[0].n;
  console.log(`reusing ${users} users, ${eventCount} events`);
} else {
  url = await freshDatabase(DATABASE);
  await migrate(url);
  db = await client(url);
  ({ workspaceId, secretKey } = await createWorkspace(db));
  for (let m = -4; m <= 0; m++) {
    await db.query(
      `SELECT wm_ensure_event_partition((date_trunc('month', now()) + make_interval(months => $1))::date)`,
      [m],
    );
  }

  // Load users, identities and events with COPY (tab-separated text).
  const esc = (v) =>
    v === null
      ? '\\N'
      : String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
  const line = (cols) => cols.map(esc).join('\t') + '\n';
  const userLines = [];
  const identityLines = [];
  const loadStart = performance.now();
  async function* eventRows() {
    let chunk = '';
    for (const u of journeys({ seed: 11, workspaces: 1, users, density })) {
      const id = randomUUID();
      userLines.push(
        line([
          workspaceId,
          id,
          u.userId,
          JSON.stringify(u.traits),
          '{}',
          new Date(u.signup).toISOString(),
        ]),
      );
      identityLines.push(
        line([workspaceId, 'user', u.userId, id]),
        line([workspaceId, 'anonymous', u.anonymousId, id]),
      );
      for (const e of u.events) {
        chunk += line([
          workspaceId,
          e.messageId,
          e.name === '$page' ? 'page' : 'track',
          e.name,
          e.userId,
          e.anonymousId,
          JSON.stringify(e.properties),
          null,
          new Date(e.ts).toISOString(),
        ]);
        eventCount++;
      }
      if (chunk.length > 1 << 20) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(
    Readable.from(eventRows()),
    db.query(
      copyFrom(
        'COPY events (workspace_id, message_id, type, name, user_id, anonymous_id, properties, context, ts) FROM STDIN',
      ),
    ),
  );
  await pipeline(
    Readable.from(userLines),
    db.query(
      copyFrom(
        'COPY end_users (workspace_id, id, user_id, traits, trait_times, first_seen_at) FROM STDIN',
      ),
    ),
  );
  await pipeline(
    Readable.from(identityLines),
    db.query(copyFrom('COPY identities (workspace_id, kind, external_id, end_user_id) FROM STDIN')),
  );
  await db.query(`INSERT INTO event_ids SELECT workspace_id, message_id FROM events`);
  await db.query('ANALYZE');
  console.log(
    `loaded ${users} users, ${eventCount} events in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`,
  );
}

const server = await startServer(url, port);
// A failed run must not leave its server behind.
process.on('uncaughtException', (error) => {
  server.child.kill('SIGTERM');
  throw error;
});
process.on('unhandledRejection', (error) => {
  console.error(error);
  server.child.kill('SIGTERM');
  process.exit(1);
});
const api = async (path, body, method = body ? 'POST' : 'GET') => {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${secretKey}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return response.json();
};
const segments = {
  'Stalled at activation': {
    all: [
      { type: 'event', name: 'Signed Up' },
      { type: 'event', name: 'Project Created', count: { op: 'eq', value: 0 } },
    ],
  },
  'Inactive 14 days': { type: 'last_seen', op: 'more_than_days_ago', value: 14 },
  'Invited 3+ in 30 days': {
    type: 'event',
    name: 'Invite Sent',
    count: { op: 'gte', value: 3 },
    window: { days: 30 },
  },
  'Pro or enterprise': { type: 'trait', key: 'plan', op: 'in', value: ['pro', 'enterprise'] },
  'Activated then invited within 14 days': {
    type: 'sequence',
    steps: ['Project Created', 'Invite Sent'],
    within: { days: 14 },
  },
};
let totalMs = 0;
/** Segment name → id. */
const segmentIds = {};
for (const [name, rule] of Object.entries(segments)) {
  const created = await api('/segments', { name, rule });
  segmentIds[name] = created.id;
  const refreshed = await api(`/segments/${created.id}/refresh`, undefined, 'POST');
  totalMs += refreshed.ms;
  console.log(`full refresh "${name}": ${refreshed.members} members in ${refreshed.ms} ms`);
}
console.log(
  `full refresh of ${Object.keys(segments).length} segments: ${(totalMs / 1000).toFixed(2)} s over ${users} users / ${eventCount} events`,
);

// Event acknowledged → membership changed. Statistics first, as autovacuum would have them.
await db.query('ANALYZE');
const trigger = await api('/segments', {
  name: 'Triggered',
  rule: { type: 'event', name: 'Bench Trigger' },
});
const auth = `Basic ${Buffer.from(`${secretKey}:`).toString('base64')}`;

// The change is observed through a notification sent by the committing transaction itself (a
// bench-only trigger on this database), not by polling: a polling loop would add its own interval
// to every number and take a core from the evaluator on a small machine. The payload carries the
// membership's entered_at (the instant the evaluator's turn began), which splits each latency
// into waiting for a turn and evaluating + committing + delivering.
await db.query(`CREATE OR REPLACE FUNCTION wm_bench_entered() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM pg_notify('wm_bench_entered',
      NEW.end_user_id || ' ' || (extract(epoch FROM NEW.entered_at) * 1000)::text);
    RETURN NULL;
  END $$`);
await db.query('DROP TRIGGER IF EXISTS wm_bench_entered ON segment_memberships');
await db.query(
  `CREATE TRIGGER wm_bench_entered AFTER INSERT ON segment_memberships FOR EACH ROW
   WHEN (NEW.segment_id = '${trigger.id}') EXECUTE FUNCTION wm_bench_entered()`,
);
const listener = await client(url);
await listener.query('LISTEN wm_bench_entered');
/** end user id → resolve(arrival: performance.now(), entered: epoch ms) of the trial waiting. */
const waiting = new Map();
listener.on('notification', ({ payload }) => {
  const arrival = performance.now();
  const [endUserId, entered] = payload.split(' ');
  waiting.get(endUserId)?.({ arrival, entered: Number(entered) });
});

/** Acknowledged → member latencies of `trials` events, one at a time. */
async function measure(label) {
  const latencies = [];
  const waits = [];
  const evaluations = [];
  for (let i = 0; i < trials; i++) {
    const userId = `w0-u${i % users}`;
    const {
      rows: [who],
    } = await db.query(
      `SELECT end_user_id AS id FROM identities WHERE workspace_id = $1 AND kind = 'user' AND external_id = $2`,
      [workspaceId, userId],
    );
    await db.query(`DELETE FROM segment_memberships WHERE workspace_id = $1 AND segment_id = $2`, [
      workspaceId,
      trigger.id,
    ]);
    const seen = new Promise((resolve) => {
      waiting.set(who.id, resolve);
      setTimeout(() => resolve(null), 5000).unref();
    });
    const response = await fetch(`${server.url}/v1/track`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({ userId, event: 'Bench Trigger', messageId: randomUUID() }),
    });
    if (response.status !== 200) throw new Error(`ingest answered ${response.status}`);
    const acked = performance.now();
    const ackedAt = Date.now();
    const hit = await seen;
    waiting.delete(who.id);
    if (!hit) {
      console.log(`membership of ${userId} did not change within 5 s`);
      latencies.push(5000);
      continue;
    }
    // The notification can overtake the HTTP answer (the evaluator starts at the commit).
    // Wall clocks (ms) of one machine: the turn may even begin before the answer arrives.
    latencies.push(Math.max(0, hit.arrival - acked));
    waits.push(hit.entered - ackedAt);
    evaluations.push(ackedAt + (hit.arrival - acked) - hit.entered);
  }
  const f = (x) => x.toFixed(1);
  const stats = (xs) => {
    xs.sort((a, b) => a - b);
    return `p50 ${f(percentile(xs, 0.5))} ms, p95 ${f(percentile(xs, 0.95))} ms, p99 ${f(percentile(xs, 0.99))} ms, max ${f(xs.at(-1))} ms`;
  };
  console.log(
    `event → membership ${label} (${trials} trials, ${Object.keys(segments).length + 1} segments): ${stats(latencies)} (target p99 < 100 ms)`,
  );
  console.log(`  ack → turn began ${stats(waits)}; turn began → observed ${stats(evaluations)}`);
}

/** The last users are kept out of the background load: the drain's sentinels come from them. */
const RESERVED = Math.min(50, Math.floor(users / 10));

/**
 * Background ingestion: `connections` loops posting batches of 100 track events for random
 * existing users, with the names the segments read. Returns a stop function giving events/s
 * and the events sent.
 */
function ingestLoad(connections) {
  const names = ['$page', 'Invite Sent', 'Project Created', 'Signed Up', 'Report Viewed'];
  let running = true;
  let sent = 0;
  let n = 0;
  const start = performance.now();
  const loop = async () => {
    while (running) {
      const batch = [];
      for (let i = 0; i < 100; i++) {
        const u = Math.floor(Math.random() * (users - RESERVED));
        const name = names[n++ % names.length];
        batch.push({
          type: 'track',
          userId: `w0-u${u}`,
          event: name,
          messageId: randomUUID(),
          properties: name === '$page' ? { path: '/dashboard' } : {},
        });
      }
      const response = await fetch(`${server.url}/v1/batch`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify({ batch }),
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`load ingest answered ${response.status}`);
      sent += batch.length;
    }
  };
  const loops = Array.from({ length: connections }, loop);
  return async () => {
    running = false;
    await Promise.all(loops);
    return { rate: sent / ((performance.now() - start) / 1000), sent };
  };
}

/**
 * Prepares the drain's sentinels (see the header) before the load. Returns a function that,
 * given the instant the load stopped, reports them and resolves to the drain time's line.
 */
async function drainSentinels() {
  const post = async (batch) => {
    const response = await fetch(`${server.url}/v1/batch`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({ batch }),
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`sentinel ingest answered ${response.status}`);
  };
  const track = (userId, event, at) => ({
    type: 'track',
    userId,
    event,
    messageId: randomUUID(),
    ...(at ? { timestamp: new Date(at).toISOString() } : {}),
  });
  // Fresh users (new ids every run, so --reuse finds them outside every segment), created now so
  // that the load's drain does not include creating them.
  const run = Date.now().toString(36);
  const fresh = [`bench-drain-a-${run}`, `bench-drain-b-${run}`];
  await post(fresh.map((userId) => track(userId, 'Bench Sentinel')));
  const { rows: made } = await db.query(
    `SELECT external_id AS "userId", end_user_id AS id FROM identities
     WHERE workspace_id = $1 AND kind = 'user' AND external_id = ANY($2)`,
    [workspaceId, fresh],
  );
  const idOf = (userId) => made.find((r) => r.userId === userId)?.id;
  const [a, b] = fresh.map(idOf);
  if (!a || !b) throw new Error('sentinel users were not created');
  const reserved = Array.from({ length: RESERVED }, (_, i) => `w0-u${users - 1 - i}`);
  const {
    rows: [inactive],
  } = await db.query(
    `SELECT i.external_id AS "userId", i.end_user_id AS id
     FROM identities i JOIN segment_memberships m
       ON m.workspace_id = i.workspace_id AND m.end_user_id = i.end_user_id
     WHERE i.workspace_id = $1 AND i.kind = 'user' AND i.external_id = ANY($2)
       AND m.segment_id = $3 AND m.exited_at IS NULL
     LIMIT 1`,
    [workspaceId, reserved, segmentIds['Inactive 14 days']],
  );
  /** `segment id` + ' ' + `end user id` (the NOTIFY's payload) → segment name. */
  const expected = new Map(
    [
      ['Stalled at activation', a],
      ['Invited 3+ in 30 days', b],
      ['Activated then invited within 14 days', b],
      ...(inactive ? [['Inactive 14 days', inactive.id]] : []),
    ].map(([name, id]) => [`${segmentIds[name]} ${id}`, name]),
  );
  const ids = [a, b, ...(inactive ? [inactive.id] : [])].map((id) => `'${id}'`).join(', ');
  await db.query(`CREATE OR REPLACE FUNCTION wm_bench_drain() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('wm_bench_drain', NEW.segment_id || ' ' || NEW.end_user_id);
      RETURN NULL;
    END $$`);
  await db.query('DROP TRIGGER IF EXISTS wm_bench_drain ON segment_memberships');
  await db.query(
    `CREATE TRIGGER wm_bench_drain AFTER INSERT OR UPDATE ON segment_memberships FOR EACH ROW
     WHEN (NEW.end_user_id IN (${ids})) EXECUTE FUNCTION wm_bench_drain()`,
  );
  const seen = new Map();
  let allSeen;
  const everyone = new Promise((resolve) => (allSeen = resolve));
  listener.on('notification', ({ channel, payload }) => {
    if (channel !== 'wm_bench_drain' || !expected.has(payload) || seen.has(payload)) return;
    seen.set(payload, performance.now());
    if (seen.size === expected.size) allSeen();
  });
  await listener.query('LISTEN wm_bench_drain');

  return async (stoppedAt) => {
    const t = Date.now();
    await post([
      track(fresh[0], 'Signed Up'),
      track(fresh[1], 'Project Created', t - 4000),
      track(fresh[1], 'Invite Sent', t - 3000),
      track(fresh[1], 'Invite Sent', t - 2000),
      track(fresh[1], 'Invite Sent', t - 1000),
      ...(inactive ? [track(inactive.userId, 'Report Viewed')] : []),
    ]);
    const acked = performance.now();
    await Promise.race([everyone, new Promise((resolve) => setTimeout(resolve, 120_000).unref())]);
    const ms = (at) => (at === undefined ? 'not within 120 s' : `${Math.round(at - stoppedAt)} ms`);
    const each = [...expected].map(([key, name]) => `${name} ${ms(seen.get(key))}`);
    const last = seen.size === expected.size ? Math.max(...seen.values()) : undefined;
    return `backlog drain after the load stopped: ${ms(last)} (sentinels acknowledged after ${Math.round(acked - stoppedAt)} ms; ${each.join(', ')}${inactive ? '' : '; no reserved member of "Inactive 14 days": its queue not observed'})`;
  };
}

await measure('quiet');
if (load > 0) {
  const drain = await drainSentinels();
  const cpu = cpuSampler(db, DATABASE, server.child.pid, [listener.processID]);
  const before = await cpu.snapshot();
  const stopLoad = ingestLoad(load);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  await measure(`under ingestion (${load} connections × 100 events)`);
  const { rate, sent } = await stopLoad();
  const stopped = await cpu.snapshot();
  const drained = await drain(stopped.at);
  const after = await cpu.snapshot();
  cpu.stop();
  console.log(
    `background ingestion meanwhile: ${Math.round(rate)} events/s (${sent} events in ${((stopped.at - before.at) / 1000).toFixed(1)} s)`,
  );
  console.log(drained);
  const perEvent = (a, b, label) => {
    const us = (s) => Math.round((s * 1e6) / sent);
    const { server: srv, evaluator, others, evaluatorConnections } = cpu.between(a, b);
    console.log(
      `CPU per ingested event, ${label} (${((b.at - a.at) / 1000).toFixed(1)} s): server ${us(srv)} µs, evaluator backends ${us(evaluator)} µs (${evaluatorConnections} connections), other backends ${us(others)} µs; total ${us(srv + evaluator + others)} µs`,
    );
  };
  perEvent(before, stopped, 'loaded phase');
  perEvent(before, after, 'loaded phase + drain');
  console.log(
    `load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
}
await stop(server.child);
await listener.end();
await db.end();

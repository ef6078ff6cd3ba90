// Ingestion bench: HTTP events/s through the Segment-compatible API (batches of 100, 50
// connections, autocannon) next to a raw PostgreSQL COPY (pg-copy-streams) of the same rows into
// an identically partitioned and indexed table, in the same run. Prints the ratio (target ≥ 50 %),
// the p50/p99 latency, and the CPU per event of the server (and how much of it is kernel time:
// sockets) and of the PostgreSQL backends, next to the COPY backend's per row. CPU per event moves
// far less than events/s when other work shares the machine: compare those, with `uptime`.
// Run by hand after `npm run build -w @waymark/server`:
//   node bench/ingest-bench.mjs [--events=300000] [--port=3610]
// BENCH_DB=<name> picks the database (dropped and recreated); BENCH_PROF=<dir> writes a CPU
// profile of the server there.
import autocannon from 'autocannon';
import { createRequire } from 'node:module';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { readFileSync } from 'node:fs';
import { journeys } from './generate.mjs';
import {
  arg,
  backendCpu,
  client,
  cpuBetween,
  cpuSeconds,
  createWorkspace,
  freshDatabase,
  migrate,
  startServer,
  stop,
} from './lib.mjs';

const require = createRequire(import.meta.url);
const { from: copyFrom, to: copyTo } = require('pg-copy-streams');

/** System (kernel) CPU seconds of a process: socket work shows here. */
function systemSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[12]) / 100;
}

const target = arg('events', 300_000);
const port = arg('port', 3610);
const WORKSPACES = 3;
const BATCH = 100;

// BENCH_DB names the database (dropped and recreated), so parallel runs do not collide.
const DATABASE = process.env.BENCH_DB ?? 'waymark_bench_ingest';
const url = await freshDatabase(DATABASE);
await migrate(url);
const db = await client(url);
const workspaces = [];
for (let i = 0; i < WORKSPACES; i++) workspaces.push(await createWorkspace(db, `Bench ${i}`));
for (let m = -4; m <= 0; m++) {
  await db.query(
    `SELECT wm_ensure_event_partition((date_trunc('month', now()) + make_interval(months => $1))::date)`,
    [m],
  );
}

// Segment messages per workspace, in journey order, then cut into batches of 100.
const perWorkspace = workspaces.map(() => []);
let total = 0;
for (const user of journeys({ seed: 7, workspaces: WORKSPACES, users: 1e9 })) {
  const out = perWorkspace[user.workspace];
  out.push({
    type: 'identify',
    userId: user.userId,
    anonymousId: user.anonymousId,
    traits: user.traits,
    messageId: `${user.userId}-id`,
    timestamp: new Date(user.signup).toISOString(),
  });
  for (const e of user.events) {
    const base = {
      messageId: e.messageId,
      anonymousId: e.anonymousId,
      timestamp: new Date(e.ts).toISOString(),
      context: { library: { name: 'bench' } },
    };
    if (e.userId) base.userId = e.userId;
    out.push(
      e.name === '$page'
        ? { ...base, type: 'page', properties: e.properties }
        : { ...base, type: 'track', event: e.name, properties: e.properties },
    );
  }
  total += user.events.length + 1;
  if (total >= target) break;
}
const bodies = [];
const sentAt = new Date().toISOString();
for (const [w, messages] of perWorkspace.entries()) {
  const authorization = `Basic ${Buffer.from(`${workspaces[w].secretKey}:`).toString('base64')}`;
  for (let i = 0; i < messages.length; i += BATCH) {
    bodies.push({
      authorization,
      body: JSON.stringify({ batch: messages.slice(i, i + BATCH), sentAt }),
    });
  }
}
// Interleave workspaces as real traffic would.
bodies.sort((a, b) => (a.body.length % 7) - (b.body.length % 7));
console.log(
  `generated ${total} events in ${bodies.length} batches of ≤ ${BATCH} for ${WORKSPACES} workspaces`,
);

const server = await startServer(url, port);
let next = 0;
// Warm up (JIT, pools, caches) with the first batches, as a running server would be.
const WARMUP = Math.min(50, Math.floor(bodies.length / 10));
for (let i = 0; i < WARMUP; i++) {
  const b = bodies[next++];
  await fetch(`${server.url}/v1/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: b.authorization },
    body: b.body,
  });
}
const [{ n: warm }] = (await db.query('SELECT count(*)::int AS n FROM events')).rows;
const serverCpu0 = cpuSeconds(server.child.pid);
const serverSys0 = systemSeconds(server.child.pid);
const pgCpu0 = await backendCpu(db, DATABASE);
const clientCpu0 = process.cpuUsage();
const httpStart = performance.now();
const result = await autocannon({
  url: `${server.url}/v1/batch`,
  connections: 50,
  amount: bodies.length - WARMUP,
  timeout: 30,
  requests: [
    {
      method: 'POST',
      setupRequest: (req) => {
        const b = bodies[next++ % bodies.length];
        return {
          ...req,
          headers: { 'content-type': 'application/json', authorization: b.authorization },
          body: b.body,
        };
      },
    },
  ],
});
const httpSeconds = (performance.now() - httpStart) / 1000;
const serverCpu = cpuSeconds(server.child.pid) - serverCpu0;
const serverSys = systemSeconds(server.child.pid) - serverSys0;
const pgCpu = cpuBetween(pgCpu0, await backendCpu(db, DATABASE));
const clientCpu = process.cpuUsage(clientCpu0);
const [{ n: stored }] = (await db.query('SELECT count(*)::int AS n FROM events')).rows;
const httpRate = (stored - warm) / httpSeconds;
console.log(
  `HTTP: ${result.requests.sent} requests, ${result['2xx']} 2xx, ${result.non2xx} non-2xx, ${result.errors} errors; ` +
    `${stored - warm} events stored in ${httpSeconds.toFixed(2)} s = ${Math.round(httpRate)} events/s; ` +
    `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
);
const perEvent = (s) => `${((1e6 * s) / (stored - warm)).toFixed(1)} µs/event`;
console.log(
  `HTTP CPU: server ${serverCpu.toFixed(2)} s (${perEvent(serverCpu)}; kernel ${perEvent(serverSys)}), PostgreSQL backends ${pgCpu.toFixed(2)} s (${perEvent(pgCpu)}), ` +
    `load generator ${((clientCpu.user + clientCpu.system) / 1e6).toFixed(2)} s`,
);
await stop(server.child);

// The same rows, COPYed raw into a table partitioned and indexed like `events`.
await db.query(`CREATE TABLE bench_copy (LIKE events INCLUDING DEFAULTS) PARTITION BY RANGE (ts)`);
await db.query(`CREATE TABLE bench_copy_default PARTITION OF bench_copy DEFAULT`);
const parts = (
  await db.query(
    `SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) AS bound FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
   WHERE i.inhparent = 'events'::regclass AND c.relname <> 'events_default'`,
  )
).rows;
for (const p of parts)
  await db.query(`CREATE TABLE bench_copy_${p.relname} PARTITION OF bench_copy ${p.bound}`);
await db.query(`CREATE INDEX ON bench_copy (workspace_id, ts DESC, message_id DESC)`);
await db.query(`CREATE INDEX ON bench_copy (workspace_id, name, ts)`);
await db.query(
  `CREATE INDEX ON bench_copy (workspace_id, user_id, name, ts) WHERE user_id IS NOT NULL`,
);
await db.query(
  `CREATE INDEX ON bench_copy (workspace_id, anonymous_id, name, ts) WHERE user_id IS NULL`,
);
const chunks = [];
for await (const chunk of db.query(copyTo('COPY (SELECT * FROM events) TO STDOUT')))
  chunks.push(chunk);
const [{ pid: copyPid }] = (await db.query('SELECT pg_backend_pid() AS pid')).rows;
const copyCpu0 = cpuSeconds(copyPid);
const copyStart = performance.now();
await pipeline(Readable.from(chunks), db.query(copyFrom('COPY bench_copy FROM STDIN')));
const copySeconds = (performance.now() - copyStart) / 1000;
const copyCpu = cpuSeconds(copyPid) - copyCpu0;
const copyRate = stored / copySeconds;
console.log(
  `COPY: ${stored} rows in ${copySeconds.toFixed(2)} s = ${Math.round(copyRate)} rows/s; ` +
    `backend CPU ${copyCpu.toFixed(2)} s (${((1e6 * copyCpu) / stored).toFixed(1)} µs/row)`,
);
console.log(`ratio HTTP / COPY = ${((100 * httpRate) / copyRate).toFixed(1)} % (target ≥ 50 %)`);
await db.end();

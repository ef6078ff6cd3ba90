// SDK decision bench: POST /sdk/v1/session requests/s and p99 at 50 connections (autocannon),
// next to a raw Fastify hello server measured in the same run; prints the ratio (target ≥ 50 %,
// p99 ≤ 10 ms) for two runs of the same users: without a validator (as a first page load sends
// it), then with the `If-None-Match` the widget sends on returning page loads (mostly 304s). A
// fresh database holds 1,000 published content items (audiences by trait, schedules,
// frequencies, 10 running experiments) and 100,000 users with 200,000 progress rows.
// Run after `npm run build`:  node bench/sdk-session.mjs [--duration=15] [--port=3510] [--keep]
// (--keep leaves the database for inspection or --reuse; BENCH_DB names it, default
// waymark_bench_sdk).
// Session requests carry the `Accept-Encoding` a browser sends: the widget's session call is a
// browser fetch, so that is what the server's real traffic looks like (the answer goes out
// compressed; --identity asks for identity, to measure uncompressed answers).
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ADMIN_URL, arg, client, freshDatabase, migrate, root, startServer, stop } from './lib.mjs';

/** The URL of database `name` on the admin server. */
function databaseUrl(name) {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

const duration = arg('duration', 15);
const port = arg('port', 3510);
const helloPort = arg('hello-port', 3511);
const CONNECTIONS = 50;
const ITEMS = 1000;
const USERS = 100_000;
const PLANS = 200; // each user's plan trait picks ~5 targeted items, plus 5 for everyone

const DATABASE = process.env.BENCH_DB ?? 'waymark_bench_sdk';
// --reuse keeps a database an earlier run left (--keep) instead of seeding it again.
const reuse = process.argv.includes('--reuse');
const url = reuse ? databaseUrl(DATABASE) : await freshDatabase(DATABASE);
if (!reuse) await migrate(url);
const db = await client(url);
const sdkKey = reuse
  ? (await db.query('SELECT sdk_key FROM environments LIMIT 1')).rows[0].sdk_key
  : await seed(db);
const [{ count: progressRows }] = (
  await db.query('SELECT count(*)::int AS count FROM content_progress')
).rows;
await db.end();

/** Fills the database: the workspace, items, experiments, users and progress; the SDK key. */
async function seed(db) {
  const workspaceId = randomUUID();
  const sdkKey = `wm_pk_${randomBytes(16).toString('base64url')}`;
  await db.query(`INSERT INTO workspaces (id, name) VALUES ($1, 'Bench')`, [workspaceId]);
  await db.query(
    `INSERT INTO environments (workspace_id, id, name, sdk_key, secret_key_hash)
   VALUES ($1, $2, 'production', $3, $4)`,
    [workspaceId, randomUUID(), sdkKey, createHash('sha256').update(randomUUID()).digest('hex')],
  );

  const flow = (i) => ({
    kind: 'flow',
    steps: ['one', 'two', 'three'].map((id, s) => ({
      id,
      type: s === 0 ? 'modal' : 'tooltip',
      ...(s === 0 ? {} : { target: { selector: `[data-tour="item-${i}-${s}"]`, attributes: {} } }),
      placement: 'auto',
      backdrop: false,
      advance: { on: 'button' },
      blocks: [
        { type: 'heading', text: `Step ${s + 1} of tour ${i}` },
        { type: 'text', markdown: `Here is **what to do** next in tour ${i}. It takes a minute.` },
        { type: 'button', label: 'Next', action: { type: 'next' }, variant: 'primary' },
      ],
    })),
    translations: { fi: { Next: 'Seuraava', [`Step 1 of tour ${i}`]: `Vaihe 1, kierros ${i}` } },
  });
  const audienceOf = (i) =>
    i < 5
      ? { type: 'everyone' }
      : { type: 'rule', rule: { type: 'trait', key: 'plan', op: 'eq', value: `p${i % PLANS}` } };
  const frequencies = [{ type: 'once' }, { type: 'until_completed' }, { type: 'unlimited' }];
  const weekdays = {
    timezone: 'Europe/Helsinki',
    recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=0', durationMinutes: 1439 },
  };

  const items = [];
  for (let i = 0; i < ITEMS; i++) {
    items.push({ id: randomUUID(), v1: randomUUID(), v2: randomUUID(), i });
  }
  await db.query(
    `INSERT INTO content (workspace_id, id, kind, name, status, priority, triggers, audience, frequency, schedule, published_version_id)
   SELECT $1, id, 'flow', name, 'published', prio, '[{"type":"url","pattern":"/app/*"}]', aud, freq, sched, v
     FROM unnest($2::uuid[], $3::text[], $4::int[], $5::jsonb[], $6::jsonb[], $7::jsonb[], $8::uuid[])
       AS x(id, name, prio, aud, freq, sched, v)`,
    [
      workspaceId,
      items.map((x) => x.id),
      items.map((x) => `Tour ${x.i}`),
      items.map((x) => x.i % 7),
      items.map((x) => JSON.stringify(audienceOf(x.i))),
      items.map((x) => JSON.stringify(frequencies[x.i % 3])),
      items.map((x) => (x.i % 10 === 0 ? JSON.stringify(weekdays) : null)),
      items.map((x) => x.v1),
    ],
  );
  await db.query(
    `INSERT INTO content_versions (workspace_id, id, content_id, version, definition, published_at)
   SELECT $1, id, cid, ver, def, now()
     FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::jsonb[]) AS x(id, cid, ver, def)`,
    [
      workspaceId,
      items.flatMap((x) => [x.v1, x.v2]),
      items.flatMap((x) => [x.id, x.id]),
      items.flatMap(() => [1, 2]),
      items.flatMap((x) => [JSON.stringify(flow(x.i)), JSON.stringify(flow(x.i + 10_000))]),
    ],
  );
  for (const x of items.filter((it) => it.i >= 5 && it.i < 15)) {
    await db.query(
      `INSERT INTO experiments (workspace_id, id, content_id, name, status, seed, variants, holdout, goal_id, started_at)
     VALUES ($1, $2::uuid, $3, $4, 'running', $2::text, $5, '{"weight":1}', 'goal', now())`,
      [
        workspaceId,
        randomUUID(),
        x.id,
        `Experiment ${x.i}`,
        JSON.stringify([
          { key: 'a', versionId: x.v1, weight: 1 },
          { key: 'b', versionId: x.v2, weight: 1 },
        ]),
      ],
    );
  }

  // 100k users (identities as the events pipeline writes them) and two progress rows each.
  const byPlan = new Map();
  for (const x of items) {
    if (x.i < 5) continue;
    const plan = x.i % PLANS;
    byPlan.set(plan, [...(byPlan.get(plan) ?? []), x]);
  }
  const CHUNK = 10_000;
  for (let start = 0; start < USERS; start += CHUNK) {
    const ids = Array.from({ length: CHUNK }, (_, k) => start + k);
    const endUsers = ids.map(() => randomUUID());
    await db.query(
      `INSERT INTO end_users (workspace_id, id, user_id, traits)
     SELECT $1, id, uid, jsonb_build_object('plan', plan) FROM unnest($2::uuid[], $3::text[], $4::text[]) AS x(id, uid, plan)`,
      [workspaceId, endUsers, ids.map((n) => `user-${n}`), ids.map((n) => `p${n % PLANS}`)],
    );
    await db.query(
      `INSERT INTO identities (workspace_id, kind, external_id, end_user_id)
     SELECT $1, 'user', uid, id FROM unnest($2::uuid[], $3::text[]) AS x(id, uid)`,
      [workspaceId, endUsers, ids.map((n) => `user-${n}`)],
    );
    const progress = ids.flatMap((n) => {
      return (byPlan.get(n % PLANS) ?? [])
        .slice(0, 2)
        .map((x, k) => ({ n, x, status: k === 0 ? 'completed' : 'in_progress' }));
    });
    await db.query(
      `INSERT INTO content_progress (workspace_id, user_key, content_id, version_id, status, step_id, shown_at, completed_at, updated_at)
     SELECT $1, k, c, v, s, 'two', now() - interval '1 day', CASE WHEN s = 'completed' THEN now() END, now()
       FROM unnest($2::text[], $3::uuid[], $4::uuid[], $5::text[]) AS x(k, c, v, s)`,
      [
        workspaceId,
        progress.map((p) => `u:user-${p.n}`),
        progress.map((p) => p.x.id),
        progress.map((p) => p.x.v1),
        progress.map((p) => p.status),
      ],
    );
  }
  await db.query('ANALYZE');
  return sdkKey;
}

/** CPU seconds (user + system) a process has used so far (Linux /proc); 0 when unknown. */
function cpuOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/**
 * Runs autocannon; returns req/s, p99, error counts and the server process's CPU time per
 * request (µs) — steadier than req/s on a machine shared with other work.
 */
async function measure(options, pid) {
  const cpuBefore = cpuOf(pid);
  const clientBefore = process.cpuUsage();
  const result = await autocannon({ connections: CONNECTIONS, duration, ...options });
  const cpu = cpuOf(pid) - cpuBefore;
  const client = process.cpuUsage(clientBefore);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    requestsTotal: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statuses: Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
    ),
    serverCpuMicrosPerRequest: Math.round((cpu * 1e6) / Math.max(1, result.requests.total)),
    clientCpuMicrosPerRequest: Math.round(
      (client.user + client.system) / Math.max(1, result.requests.total),
    ),
  };
}

// Raw Fastify hello, in its own process like the app.
const hello = spawn(
  process.execPath,
  [
    '-e',
    `const app = require('fastify')();
     app.get('/', async () => ({ hello: 'world' }));
     app.listen({ port: ${helloPort}, host: '127.0.0.1' }).then(() => console.log('ready'));`,
  ],
  { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
);
await new Promise((resolve) => hello.stdout.once('data', resolve));
const raw = await measure({ url: `http://127.0.0.1:${helloPort}/` }, hello.pid);
hello.kill('SIGTERM');

const server = await startServer(url, port);
/** The user after user `i`: the run's users repeat every 2,500 (see CYCLE below). */
const nextUser = (i) => (i * 7919 + 104_729) % USERS;
/** User `i`'s session request body, the same on every page load. */
const bodyOf = (i) =>
  JSON.stringify({
    user: { anonymousId: `anon-${i}`, userId: `user-${i}` },
    traits: { plan: `p${i % PLANS}` },
    context: {
      url: 'https://app.example.com/app/projects',
      locale: i % 5 === 0 ? 'fi-FI' : 'en-US',
    },
  });
// The run's users in the order they come: 2,500 of them, then the same again. The warm-up sees
// each at least once, however slow the machine, so the measured run is the steady state (each
// user's progress and assignments in memory) rather than a cold start.
const CYCLE = 2500;
const cycle = [];
for (let i = nextUser(0); cycle.length < CYCLE; i = nextUser(i)) cycle.push(i);
// What Chrome and Firefox send over HTTPS (the widget's fetch cannot change it).
const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';
const identity = process.argv.includes('--identity');
const session = {
  url: `${server.url}/sdk/v1/session`,
  headers: {
    'content-type': 'application/json',
    'x-waymark-key': sdkKey,
    // Said even for identity: the probe below is a fetch, which would ask for gzip.
    'accept-encoding': identity ? 'identity' : BROWSER_ACCEPT_ENCODING,
  },
};
/**
 * The cycle's requests, each built once before the run as the hello's one request is: the load
 * generator shares the two cores with the server, and building every request anew in
 * autocannon's `setupRequest` cost it more CPU per request than the server's whole answer.
 */
const prebuilt = (headersOf) =>
  cycle.map((i) => ({ method: 'POST', headers: headersOf(i), body: bodyOf(i) }));
session.requests = prebuilt(() => session.headers);
// One probe for the answer's size, then a warm-up (JIT, caches, pool), then the measured run.
const probe = await fetch(session.url, {
  method: 'POST',
  headers: session.headers,
  body: JSON.stringify({
    user: { anonymousId: 'anon-1', userId: 'user-1' },
    traits: { plan: 'p1' },
    context: { url: 'https://app.example.com/app/x' },
  }),
});
const answer = await probe.json();
if (probe.status !== 200) throw new Error(`session failed: ${JSON.stringify(answer)}`);
// fetch decodes the answer; the headers tell how it travelled.
const coding = probe.headers.get('content-encoding') ?? 'identity';
const wireBytes = Number(probe.headers.get('content-length'));
async function warmUp(options) {
  const warm = await autocannon({
    ...options,
    connections: CONNECTIONS,
    duration: Math.min(5, duration),
  });
  if (warm.requests.total < CYCLE) {
    await autocannon({ ...options, connections: CONNECTIONS, amount: CYCLE - warm.requests.total });
  }
}
await warmUp(session);
const sdk = await measure(session, server.child.pid);

// Returning page loads, as the widget makes them (fetchSession, widget/src/core/http.transport.ts):
// each user sends its same request with `If-None-Match: "<etag>"`, the etag of the last answer it
// received (the body's `etag`; the `ETag` header carries the same value, weak when compressed),
// and keeps that answer on a 304. The server still resolves the key and checks the answer
// against the configuration, progress, assignments and clock before it compares tags. The
// warm-up gives every user of the cycle its first answer, so the measured run is the steady
// state: each user revalidates.
const etags = new Map();
let m = 0;
// The warm-up learns each user's etag from its answer (the widget's first page load)...
await warmUp({
  url: session.url,
  requests: [
    {
      method: 'POST',
      headers: session.headers,
      setupRequest: (request, context) => {
        context.user = m = nextUser(m);
        request.body = bodyOf(m);
        return request;
      },
      onResponse: (status, _body, context, headers) => {
        if (status === 200)
          etags.set(context.user, `"${headers.etag.replace(/^W\//, '').slice(1, -1)}"`);
      },
    },
  ],
});
if (etags.size < CYCLE) throw new Error(`the warm-up answered ${etags.size} of ${CYCLE} users`);
// ...then every page load sends it back, prebuilt like the first line's requests.
const revalidated = await measure(
  {
    url: session.url,
    requests: prebuilt((i) => ({ ...session.headers, 'if-none-match': etags.get(i) })),
  },
  server.child.pid,
);
const statuses = revalidated.statuses;
await stop(server.child);
if (!process.argv.includes('--keep')) {
  const admin = await client(ADMIN_URL);
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.end();
}

const ratio = sdk.requestsPerSecond / raw.requestsPerSecond;
const ratioRevalidated = revalidated.requestsPerSecond / raw.requestsPerSecond;
const verdict = (r, p99) => (r >= 0.5 && p99 <= 10 ? 'met' : 'NOT met');
console.log(
  JSON.stringify(
    {
      connections: CONNECTIONS,
      durationSeconds: duration,
      data: { items: ITEMS, users: USERS, progressRows, itemsPerAnswer: answer.content.length },
      acceptEncoding: identity ? 'identity' : BROWSER_ACCEPT_ENCODING,
      answer: { bytes: Buffer.byteLength(JSON.stringify(answer)), coding, wireBytes },
      rawFastifyHello: raw,
      sdkSession: sdk,
      ratio: Number(ratio.toFixed(3)),
      // autocannon counts a 304 as non-2xx: `statuses` says what each run was answered.
      sdkSessionRevalidated: revalidated,
      ratioRevalidated: Number(ratioRevalidated.toFixed(3)),
    },
    null,
    2,
  ),
);
const answered304 = (100 * (statuses[304] ?? 0)) / Math.max(1, revalidated.requestsTotal);
console.log(
  `raw Fastify hello: ${raw.requestsPerSecond} req/s, p99 ${raw.p99} ms\n` +
    `POST /sdk/v1/session, no validator (a first page load): ${sdk.requestsPerSecond} req/s, p99 ${sdk.p99} ms ` +
    `(${answer.content.length} items, ${Buffer.byteLength(JSON.stringify(answer))} bytes per answer, ` +
    `sent as ${coding}: ${wireBytes} bytes; ` +
    `${identity ? 'Accept-Encoding "identity"' : `Accept-Encoding "${BROWSER_ACCEPT_ENCODING}" as browsers send`})\n` +
    `POST /sdk/v1/session, returning page loads (If-None-Match as the widget sends it): ` +
    `${revalidated.requestsPerSecond} req/s, p99 ${revalidated.p99} ms (${answered304.toFixed(1)} % answered 304)\n` +
    `server CPU per request: hello ${raw.serverCpuMicrosPerRequest} µs, session ` +
    `${sdk.serverCpuMicrosPerRequest} µs, revalidated session ${revalidated.serverCpuMicrosPerRequest} µs\n` +
    `ratio, no validator: ${(ratio * 100).toFixed(1)} % (target ≥ 50 %), p99 target ≤ 10 ms: ` +
    `${verdict(ratio, sdk.p99)}\n` +
    `ratio, If-None-Match: ${(ratioRevalidated * 100).toFixed(1)} % (target ≥ 50 %), p99 target ≤ 10 ms: ` +
    `${verdict(ratioRevalidated, revalidated.p99)}`,
);

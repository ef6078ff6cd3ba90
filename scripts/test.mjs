#!/usr/bin/env node
// `npm test`: lint, typecheck, build, unit tests, server integration tests against a real
// PostgreSQL, and Playwright e2e tests in Chromium against the running app. Uses DATABASE_URL when
// set, else an embedded PostgreSQL under .data/test; each run works in a fresh database it drops
// at the end. Ends with one summary line: "N passed, N failed".
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const results = { passed: 0, failed: 0 };
const failedSteps = [];
const cleanups = [];

const run = (command, args, env = {}) =>
  new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    child.on('close', (code) => resolve(code ?? 1));
  });

/** A step that is not a test runner counts as one test: it passes or fails as a whole. */
async function step(name, command, args, env) {
  console.log(`\n━━ ${name}`);
  const code = await run(command, args, env);
  if (code === 0) results.passed += 1;
  else {
    results.failed += 1;
    failedSteps.push(name);
  }
  return code === 0;
}

/** A test-runner step: counts the runner's own passed/failed tests from its JSON report. */
async function suite(name, command, args, env, reportFile, count) {
  console.log(`\n━━ ${name}`);
  const code = await run(command, args, env);
  const report = await readFile(reportFile, 'utf8').then(JSON.parse, () => null);
  const counted = report ? count(report) : { passed: 0, failed: 0 };
  results.passed += counted.passed;
  results.failed += counted.failed;
  if (code !== 0 || !report) {
    failedSteps.push(name);
    if (counted.failed === 0) results.failed += 1; // the runner failed outside any test
  }
}

const jestCount = (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests });
const playwrightCount = (r) => ({
  passed: r.stats.expected + r.stats.flaky,
  failed: r.stats.unexpected,
});

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function databaseServer() {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const { startEmbeddedPostgres } = require(
    path.join(root, 'server/dist/database/embedded-postgres.js'),
  );
  const embedded = await startEmbeddedPostgres(path.join(root, '.data/test'), console.log);
  cleanups.push(() => embedded.stop());
  return embedded.url;
}

/** Creates a database for this run beside the one in `serverUrl`; returns its URL. */
async function freshDatabase(serverUrl, name) {
  const { Client } = require('pg');
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  cleanups.unshift(async () => {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function waitForReady(url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not become ready at ${url}`);
}

async function e2e(databaseUrl, reportDir) {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'waymark-e2e-'));
  cleanups.unshift(() => rm(dataDir, { recursive: true, force: true }));
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['server/dist/main.js'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
  });
  cleanups.unshift(
    () =>
      new Promise((resolve) =>
        server.exitCode !== null
          ? resolve()
          : (server.once('close', resolve), server.kill('SIGTERM')),
      ),
  );
  await waitForReady(url, server);
  await suite(
    'e2e (Playwright, Chromium)',
    'npx',
    ['playwright', 'test', '-c', 'e2e/playwright.config.ts'],
    {
      WAYMARK_URL: url,
      WAYMARK_DEMO_FILE: path.join(dataDir, 'demo.json'),
      PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(reportDir, 'e2e.json'),
    },
    path.join(reportDir, 'e2e.json'),
    playwrightCount,
  );
}

async function main() {
  const reportDir = await mkdtemp(path.join(os.tmpdir(), 'waymark-test-'));
  cleanups.push(() => rm(reportDir, { recursive: true, force: true }));
  await step('lint (eslint + prettier)', 'npm', ['run', 'lint', '--silent']);
  await step('typecheck', 'npm', ['run', 'typecheck', '--silent']);
  const built = await step('build', 'npm', ['run', 'build', '--silent']);
  await suite(
    'unit tests (jest)',
    'npx',
    [
      'jest',
      '--selectProjects',
      'unit',
      '--json',
      '--outputFile',
      path.join(reportDir, 'unit.json'),
    ],
    {},
    path.join(reportDir, 'unit.json'),
    jestCount,
  );
  if (!built) {
    failedSteps.push('integration and e2e (skipped: the build failed)');
    results.failed += 1;
    return;
  }
  const serverUrl = await databaseServer();
  const suffix = `${process.pid}_${Date.now()}`;
  await suite(
    'integration tests (jest, real PostgreSQL)',
    'npx',
    [
      'jest',
      '--selectProjects',
      'integration',
      '--runInBand',
      // A suite whose beforeAll failed can leave an app's pool or LISTEN client open; its tests
      // are counted failed, and the run must still end rather than wait on them forever.
      '--forceExit',
      '--json',
      '--outputFile',
      path.join(reportDir, 'integration.json'),
    ],
    { TEST_DATABASE_URL: await freshDatabase(serverUrl, `waymark_it_${suffix}`) },
    path.join(reportDir, 'integration.json'),
    jestCount,
  );
  await e2e(await freshDatabase(serverUrl, `waymark_e2e_${suffix}`), reportDir);
}

let exitCode = 1;
try {
  await main();
  exitCode = results.failed === 0 ? 0 : 1;
} catch (error) {
  console.error(`\nwaymark test: ${error instanceof Error ? error.message : String(error)}`);
  results.failed += 1;
} finally {
  for (const cleanup of cleanups)
    await cleanup().catch((e) => console.error(`cleanup: ${e.message}`));
}
if (failedSteps.length) console.log(`\nFailed: ${failedSteps.join('; ')}`);
console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exit(exitCode);

import 'reflect-metadata';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { DataSource } from 'typeorm';
import { createLogger } from './common/logger';
import { type Config, ConfigError, loadConfig } from './config/config';
import { createApp } from './create-app';
import { openDatabase } from './database/data-source';
import {
  type EmbeddedDatabase,
  EmbeddedDatabaseError,
  startEmbeddedPostgres,
} from './database/embedded-postgres';
import { type DemoCredentials, seedDemo } from './seed/demo-seed';

const say = (line: string): void => void process.stdout.write(`${line}\n`);

let cleanup: () => Promise<void> = async () => {};

/** One clear line on stderr, then exit non-zero: no stack-trace wall for a known problem. */
async function fail(message: string): Promise<never> {
  process.stderr.write(`waymark: ${message}\n`);
  await cleanup().catch(() => {});
  process.exit(1);
}

const redact = (url: string): string => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');

async function connect(url: string): Promise<DataSource> {
  try {
    return await openDatabase(url);
  } catch (error) {
    return fail(
      `cannot use the database at ${redact(url)} (${(error as Error).message}). ` +
        'Check that PostgreSQL is running and DATABASE_URL is right, or unset DATABASE_URL to use the embedded one.',
    );
  }
}

/**
 * Writes `.data/demo.json` right after seeding (the only time the password is known) and refreshes
 * its `url` on later starts.
 */
async function saveDemoCredentials(config: Config, created: DemoCredentials | null, url: string) {
  const file = path.join(config.dataDir, 'demo.json');
  const saved =
    created ??
    (await readFile(file, 'utf8').then(
      (text) => JSON.parse(text) as DemoCredentials,
      () => null,
    ));
  if (!saved) return null;
  await mkdir(config.dataDir, { recursive: true });
  await writeFile(file, JSON.stringify({ url, ...saved }, null, 2) + '\n', { mode: 0o600 });
  return { file, credentials: saved };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message);
    throw error;
  }
  const logger = createLogger(config.logLevel);

  let embedded: EmbeddedDatabase | undefined;
  if (!config.databaseUrl) {
    try {
      embedded = await startEmbeddedPostgres(config.dataDir, say);
    } catch (error) {
      if (error instanceof EmbeddedDatabaseError) return fail(error.message);
      throw error;
    }
    cleanup = () => embedded!.stop();
  }
  const databaseUrl = config.databaseUrl ?? embedded!.url;
  const db = await connect(databaseUrl);
  cleanup = async () => {
    await db.destroy().catch(() => {});
    await embedded?.stop();
  };
  const created = config.seedDemo ? await seedDemo(db) : null;
  if (created)
    await saveDemoCredentials(
      config,
      created,
      config.publicUrl ?? `http://localhost:${config.port}`,
    );
  const app = await createApp(config, db, logger);
  try {
    // Fastify's own listen: Nest's would also log the failure, and we say it in one line below.
    await (app.getHttpAdapter().getInstance() as FastifyInstance).listen({
      port: config.port,
      host: config.host,
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') {
      return fail(
        `port ${config.port} is already in use. Stop the other process or start with PORT=<another port>.`,
      );
    }
    if (code === 'EACCES')
      return fail(`not allowed to listen on port ${config.port}; choose PORT above 1024.`);
    throw error;
  }
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.publicUrl ?? `http://localhost:${port}`;
  const demo = config.seedDemo ? await saveDemoCredentials(config, null, url) : null;

  say('');
  say(`Waymark is running on ${url}`);
  say(`  Builder      ${url}/`);
  say(`  Demo app     ${url}/demo/`);
  say(`  API docs     ${url}/api/docs`);
  say(
    `  Database     ${embedded ? `embedded PostgreSQL in ${path.join(config.dataDir, 'pg')}` : redact(databaseUrl)}`,
  );
  if (demo?.credentials) {
    say(`  Sign in as   ${demo.credentials.email} / ${demo.credentials.password}`);
    say(`  (saved with the demo keys in ${demo.file})`);
  }
  say('Press Ctrl-C to stop.');

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app.close().catch(() => {});
    await cleanup();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  // Unexpected: keep the stack, it is a bug to report.
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return fail('failed to start (details above).');
});

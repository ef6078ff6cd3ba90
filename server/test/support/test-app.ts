import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/config';
import { createApp } from '../../src/create-app';
import { openDatabase } from '../../src/database/data-source';

export interface TestApp {
  url: string;
  db: DataSource;
  close(): Promise<void>;
}

/** The database for integration tests: the fresh one `npm test` made, else DATABASE_URL. */
export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error('Set TEST_DATABASE_URL or DATABASE_URL (or run `npm test`).');
  return url;
}

/** A fresh DATA_DIR per test app, so the mail outbox never lands in the repository's `.data/`. */
export const tempDataDir = (): string => mkdtempSync(path.join(os.tmpdir(), 'waymark-test-'));

/** The real app on a real port, against real PostgreSQL. */
export async function startTestApp(): Promise<TestApp> {
  const db = await openDatabase(testDatabaseUrl());
  const dataDir = tempDataDir();
  const config = { ...loadConfig({}), port: 0, seedDemo: false, dataDir };
  const app: NestFastifyApplication = await createApp(config, db, pino({ level: 'silent' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    close: async () => {
      await app.close();
      if (db.isInitialized) await db.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { MeResponse } from '@waymark/shared';
import { randomInt, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { type Config, loadConfig } from '../../src/config/config';
import { createApp } from '../../src/create-app';
import { openDatabase } from '../../src/database/data-source';
import { call, type Answer } from './http';
import { tempDataDir, testDatabaseUrl } from './test-app';

/** A signed-in builder account, as the browser holds it: cookie and CSRF token. */
export interface Builder {
  accountId: string;
  email: string;
  password: string;
  cookie: string;
  csrf: string;
  /** The workspace sign-up made (owner). */
  workspaceId: string;
  me: MeResponse;
}

/**
 * A client IP of its own (the app trusts X-Forwarded-For), so per-IP limits of one test do not
 * spill into another.
 */
export const freshIp = (): string => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

const cookieOf = (answer: Answer): string =>
  (answer.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

/** Signs up over HTTP: a new account with its own workspace. */
export async function signUp(
  url: string,
  overrides: { email?: string; password?: string; workspaceName?: string } = {},
): Promise<Builder> {
  const email = overrides.email ?? `user-${randomUUID()}@example.test`;
  const password = overrides.password ?? 'a long test password';
  const answer = await call<MeResponse>(`${url}/api/auth/signup`, {
    headers: { 'x-forwarded-for': freshIp() },
    body: {
      email,
      password,
      ...(overrides.workspaceName ? { workspaceName: overrides.workspaceName } : {}),
    },
  });
  if (answer.status !== 201) throw new Error(`sign-up failed: ${JSON.stringify(answer.body)}`);
  const me = answer.body;
  return {
    accountId: me.account.id,
    email,
    password,
    cookie: cookieOf(answer),
    csrf: me.csrfToken,
    workspaceId: me.workspaces[0]!.id,
    me,
  };
}

/** Signs in again (a second session of the same account). */
export async function signIn(url: string, email: string, password: string): Promise<Builder> {
  const answer = await call<MeResponse>(`${url}/api/auth/login`, {
    headers: { 'x-forwarded-for': freshIp() },
    body: { email, password },
  });
  if (answer.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(answer.body)}`);
  const me = answer.body;
  return {
    accountId: me.account.id,
    email,
    password,
    cookie: cookieOf(answer),
    csrf: me.csrfToken,
    workspaceId: me.workspaces[0]?.id ?? '',
    me,
  };
}

/** Headers for a builder call: the cookie, and the CSRF token (harmless on reads). */
export const as = (builder: Builder): Record<string, string> => ({
  cookie: builder.cookie,
  'x-csrf-token': builder.csrf,
});

export interface LoggedTestApp {
  url: string;
  db: DataSource;
  app: NestFastifyApplication;
  /** Every JSON log line the app wrote, parsed. */
  logs: Array<Record<string, unknown>>;
  /** Where this app's DATA_DIR is (a fresh temp directory unless overridden). */
  dataDir: string;
  close(): Promise<void>;
}

/** The real app with config overrides and its pino log captured (for mailed links). */
export async function startLoggedApp(overrides: Partial<Config> = {}): Promise<LoggedTestApp> {
  const db = await openDatabase(testDatabaseUrl());
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  const ownDataDir = overrides.dataDir === undefined ? tempDataDir() : null;
  const config = {
    ...loadConfig({}),
    port: 0,
    seedDemo: false,
    dataDir: ownDataDir ?? '',
    ...overrides,
  };
  const app = await createApp(config, db, pino({ level: 'info' }, sink));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    app,
    logs,
    dataDir: config.dataDir,
    close: async () => {
      await app.close();
      if (db.isInitialized) await db.destroy();
      if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Two instances of the app on one database, as behind a load balancer; if either fails to start,
 * the other is closed before the error is thrown (nothing left open to hold the test run).
 */
export async function startTwoApps(): Promise<[LoggedTestApp, LoggedTestApp]> {
  const settled = await Promise.allSettled([startLoggedApp(), startLoggedApp()]);
  const [x, y] = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  if (x && y) return [x, y];
  await Promise.all([x, y].map((app) => app?.close()));
  throw settled.find((r) => r.status === 'rejected')?.reason;
}

/** The link of the last mail the log transport wrote to `to`. */
export function lastMailLink(logs: Array<Record<string, unknown>>, to: string): string {
  const mails = logs
    .map((line) => line.mail as { to?: string; link?: string } | undefined)
    .filter((mail) => mail?.to?.toLowerCase() === to.toLowerCase());
  const link = mails.at(-1)?.link;
  if (!link) throw new Error(`no mail to ${to} in the log`);
  return link;
}

/** A new account that joined `owner`'s workspace with `role` through the invitation flow. */
export async function addMember(
  url: string,
  owner: Builder,
  role: 'owner' | 'editor' | 'viewer',
): Promise<Builder> {
  const member = await signUp(url);
  const invited = await call<{ token: string }>(
    `${url}/api/workspaces/${owner.workspaceId}/invitations`,
    { headers: as(owner), body: { email: member.email, role } },
  );
  if (invited.status !== 201) throw new Error(`invite failed: ${JSON.stringify(invited.body)}`);
  const accepted = await call(`${url}/api/workspaces/${owner.workspaceId}/invitations/accept`, {
    headers: as(member),
    body: { token: invited.body.token },
  });
  if (accepted.status !== 200) throw new Error(`accept failed: ${JSON.stringify(accepted.body)}`);
  return { ...member, workspaceId: owner.workspaceId };
}

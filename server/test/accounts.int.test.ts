import type { EnvironmentList, ErrorBody, MeResponse, AuditPage } from '@waymark/shared';
import { createHash, randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  as,
  freshIp,
  lastMailLink,
  signIn,
  signUp,
  startLoggedApp,
  type LoggedTestApp,
} from './support/builder-session';
import { call } from './support/http';

let app: LoggedTestApp;
beforeAll(async () => {
  app = await startLoggedApp({ loginLimits: { perEmail: 3, perIp: 5, windowSeconds: 60 } });
});
afterAll(() => app.close());

const login = (email: string, password: string, ip: string) =>
  call<ErrorBody & MeResponse>(`${app.url}/api/auth/login`, {
    headers: { 'x-forwarded-for': ip },
    body: { email, password },
  });

describe('sign-up', () => {
  it('creates the account, a workspace it owns with production and staging, and signs in', async () => {
    const email = `New-${randomUUID()}@Example.test`;
    const answer = await call<MeResponse>(`${app.url}/api/auth/signup`, {
      headers: { 'x-forwarded-for': freshIp() },
      body: { email, password: 'correct horse battery', workspaceName: 'Acme' },
    });
    expect(answer.status).toBe(201);
    const setCookie = answer.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/wm_session=[^;]+;.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(answer.body.account.email).toBe(email);
    expect(answer.body.workspaces).toEqual([
      { id: expect.any(String), name: 'Acme', role: 'owner' },
    ]);

    const cookie = setCookie.split(';')[0]!;
    const workspaceId = answer.body.workspaces[0]!.id;
    const envs = await call<EnvironmentList>(
      `${app.url}/api/workspaces/${workspaceId}/environments`,
      { headers: { cookie } },
    );
    expect(envs.body.data.map((e) => e.name).sort()).toEqual(['production', 'staging']);
    for (const env of envs.body.data) expect(env.sdkKey).toMatch(/^wm_pk_/);

    const audit = await call<AuditPage>(`${app.url}/api/workspaces/${workspaceId}/audit`, {
      headers: { cookie },
    });
    expect(audit.body.data).toEqual([
      expect.objectContaining({
        action: 'workspace.created',
        actor: { type: 'account', id: answer.body.account.id, label: email },
        target: { type: 'workspace', id: workspaceId },
        after: { name: 'Acme', environments: expect.arrayContaining(['production', 'staging']) },
      }),
    ]);
    const [stored] = (await app.db.query('SELECT password_hash FROM accounts WHERE id = $1', [
      answer.body.account.id,
    ])) as Array<{ password_hash: string }>;
    expect(stored!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it('refuses an email that exists (any case) and stores nothing new', async () => {
    const first = await signUp(app.url);
    const [{ count: before }] = (await app.db.query(
      'SELECT count(*)::int AS count FROM workspaces',
    )) as [{ count: number }];
    const again = await call<ErrorBody>(`${app.url}/api/auth/signup`, {
      headers: { 'x-forwarded-for': freshIp() },
      body: { email: first.email.toUpperCase(), password: 'another long password' },
    });
    expect([again.status, again.body.code]).toEqual([409, 'conflict']);
    const [{ count: after }] = (await app.db.query(
      'SELECT count(*)::int AS count FROM workspaces',
    )) as [{ count: number }];
    expect(after).toBe(before);
  });

  it('refuses a short password and a bad email with the fields named', async () => {
    const answer = await call<ErrorBody>(`${app.url}/api/auth/signup`, {
      headers: { 'x-forwarded-for': freshIp() },
      body: { email: 'nope', password: 'short' },
    });
    expect(answer.status).toBe(400);
    const paths = (answer.body.details as Array<{ path: string }>).map((d) => d.path).sort();
    expect(paths).toEqual(['email', 'password']);
  });
});

describe('login rate limits (PostgreSQL counters)', () => {
  it('answers 429 rate_limited with Retry-After once an email has used its attempts', async () => {
    const user = await signUp(app.url);
    const ip = freshIp();
    for (let i = 0; i < 3; i += 1) {
      expect((await login(user.email, 'wrong password', ip)).status).toBe(401);
    }
    const blocked = await login(user.email, user.password, freshIp());
    expect([blocked.status, blocked.body.code]).toEqual([429, 'rate_limited']);
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another address from the same IP still gets through.
    const other = await signUp(app.url);
    expect((await login(other.email, other.password, ip)).status).toBe(200);
  });

  it('gives the budget back on success: failures before a good sign-in do not add up', async () => {
    const user = await signUp(app.url);
    const ip = freshIp();
    for (let i = 0; i < 2; i += 1) await login(user.email, 'wrong password', ip);
    expect((await login(user.email, user.password, ip)).status).toBe(200);
    for (let i = 0; i < 3; i += 1) {
      expect((await login(user.email, 'wrong password', ip)).status).toBe(401);
    }
    expect((await login(user.email, 'wrong password', ip)).status).toBe(429);
  });

  it('limits one IP across many addresses', async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i += 1) {
      expect((await login(`nobody-${i}-${randomUUID()}@example.test`, 'x', ip)).status).toBe(401);
    }
    const blocked = await login(`nobody-${randomUUID()}@example.test`, 'x', ip);
    expect([blocked.status, blocked.body.code]).toEqual([429, 'rate_limited']);
    expect((await login(`nobody-${randomUUID()}@example.test`, 'x', freshIp())).status).toBe(401);
  });

  it('shares the counters between instances (N stateless servers, one database)', async () => {
    const second = await startLoggedApp({
      loginLimits: { perEmail: 3, perIp: 5, windowSeconds: 60 },
    });
    try {
      const user = await signUp(app.url);
      for (let i = 0; i < 3; i += 1) await login(user.email, 'wrong password', freshIp());
      const elsewhere = await call<ErrorBody>(`${second.url}/api/auth/login`, {
        headers: { 'x-forwarded-for': freshIp() },
        body: { email: user.email, password: user.password },
      });
      expect([elsewhere.status, elsewhere.body.code]).toEqual([429, 'rate_limited']);
    } finally {
      await second.close();
    }
  });
});

describe('password reset', () => {
  const requestReset = (email: string) =>
    call<{ ok: boolean }>(`${app.url}/api/auth/password-reset`, { body: { email } });
  const confirm = (token: string, password: string) =>
    call<ErrorBody>(`${app.url}/api/auth/password-reset/confirm`, { body: { token, password } });
  const tokenOf = (link: string): string => new URL(link).searchParams.get('token') ?? '';

  it('logs the link, stores only the token hash, and sets a new password once', async () => {
    const user = await signUp(app.url);
    const second = await signIn(app.url, user.email, user.password);
    expect(await requestReset(user.email.toUpperCase())).toMatchObject({
      status: 200,
      body: { ok: true },
    });
    const link = lastMailLink(app.logs, user.email);
    expect(link).toMatch(/\/reset-password\?token=wm_rst_/);
    const token = tokenOf(link);
    const stored = (await app.db.query(
      'SELECT r.token_hash FROM password_resets r JOIN accounts a ON a.id = r.account_id WHERE a.email = $1',
      [user.email],
    )) as Array<{ token_hash: string }>;
    expect(stored).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex') }]);

    expect((await confirm(token, 'a brand new password')).status).toBe(200);
    expect((await login(user.email, user.password, freshIp())).status).toBe(401);
    expect((await login(user.email, 'a brand new password', freshIp())).status).toBe(200);
    // Every session that existed before the reset is over.
    for (const session of [user, second]) {
      expect((await call(`${app.url}/api/auth/me`, { headers: as(session) })).status).toBe(401);
    }
    const reused = await confirm(token, 'yet another password');
    expect([reused.status, reused.body.code]).toEqual([400, 'invalid_token']);
  });

  it('appends each unsent mail to DATA_DIR/outbox.jsonl (0600) as well as the log', async () => {
    const user = await signUp(app.url);
    await requestReset(user.email);
    const outbox = path.join(app.dataDir, 'outbox.jsonl');
    const lines = (await readFile(outbox, 'utf8')).trim().split('\n');
    const mails = lines.map((line) => JSON.parse(line) as Record<string, string>);
    const mine = mails.filter((mail) => mail.to === user.email);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toEqual({
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      to: user.email,
      subject: expect.stringMatching(/password/i),
      text: expect.stringContaining(lastMailLink(app.logs, user.email)),
      link: lastMailLink(app.logs, user.email),
    });
    expect((await stat(outbox)).mode & 0o777).toBe(0o600);
  });

  it('answers an unknown address exactly like a known one and mails nothing', async () => {
    const email = `ghost-${randomUUID()}@example.test`;
    const answer = await requestReset(email);
    expect([answer.status, answer.body]).toEqual([200, { ok: true }]);
    expect(() => lastMailLink(app.logs, email)).toThrow('no mail');
  });

  it('refuses an expired token and a made-up one', async () => {
    const user = await signUp(app.url);
    await requestReset(user.email);
    const token = tokenOf(lastMailLink(app.logs, user.email));
    await app.db.query(
      `UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE token_hash = $1`,
      [createHash('sha256').update(token).digest('hex')],
    );
    expect((await confirm(token, 'a brand new password')).body.code).toBe('invalid_token');
    expect((await confirm('wm_rst_made-up', 'a brand new password')).body.code).toBe(
      'invalid_token',
    );
    expect((await login(user.email, user.password, freshIp())).status).toBe(200);
  });

  it('limits reset mails per address', async () => {
    const user = await signUp(app.url);
    for (let i = 0; i < 5; i += 1) expect((await requestReset(user.email)).status).toBe(200);
    const blocked = await requestReset(user.email);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

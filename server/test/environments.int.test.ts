import type {
  AuditPage,
  Environment,
  EnvironmentList,
  EnvironmentWithSecret,
  ErrorBody,
} from '@waymark/shared';
import { createHash } from 'node:crypto';
import {
  addMember,
  as,
  signUp,
  startLoggedApp,
  type Builder,
  type LoggedTestApp,
} from './support/builder-session';
import { call } from './support/http';

let app: LoggedTestApp;
let owner: Builder;
let editor: Builder;
let viewer: Builder;
beforeAll(async () => {
  app = await startLoggedApp();
  owner = await signUp(app.url);
  editor = await addMember(app.url, owner, 'editor');
  viewer = await addMember(app.url, owner, 'viewer');
});
afterAll(() => app.close());

const url = (path = '') => `${app.url}/api/workspaces/${owner.workspaceId}/environments${path}`;
const list = async (by: Builder = owner) =>
  (await call<EnvironmentList>(url(), { headers: as(by) })).body.data;
const production = async () => (await list()).find((e) => e.name === 'production')!;
const sdkSession = (key: string) =>
  call<ErrorBody>(`${app.url}/sdk/v1/session`, {
    headers: { 'x-waymark-key': key },
    body: { user: { anonymousId: 'a1' }, context: { url: 'https://app.example.com/' } },
  });
const exportEvents = (secret: string) =>
  call<ErrorBody>(`${app.url}/api/v1/events?limit=1`, {
    headers: { authorization: `Bearer ${secret}` },
  });
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

describe('environments', () => {
  it('shows every member the public keys and only a hint of each secret key', async () => {
    const envs = await list(viewer);
    expect(envs.map((e) => e.name).sort()).toEqual(['production', 'staging']);
    const stored = (await app.db.query(
      'SELECT secret_key_hash, secret_key_hint FROM environments WHERE workspace_id = $1',
      [owner.workspaceId],
    )) as Array<{ secret_key_hash: string; secret_key_hint: string }>;
    for (const env of envs) {
      expect(env.secretKeyHint).toMatch(/^….{4}$/);
      expect(JSON.stringify(env)).not.toContain(stored[0]!.secret_key_hash);
    }
  });

  it('lets the owner add one, returning its secret key once', async () => {
    const created = await call<EnvironmentWithSecret>(url(), {
      headers: as(owner),
      body: { name: 'qa' },
    });
    expect(created.status).toBe(201);
    const { environment, secretKey } = created.body;
    expect(secretKey).toMatch(/^wm_sk_/);
    expect(environment.secretKeyHint).toBe(`…${secretKey.slice(-4)}`);
    expect(JSON.stringify(await list())).not.toContain(secretKey);
    expect((await exportEvents(secretKey)).status).toBe(200);
    expect((await sdkSession(environment.sdkKey)).status).toBe(200);

    const duplicate = await call<ErrorBody>(url(), { headers: as(owner), body: { name: 'qa' } });
    expect([duplicate.status, duplicate.body.code]).toEqual([409, 'conflict']);
    const badName = await call<ErrorBody>(url(), { headers: as(owner), body: { name: 'Q A!' } });
    expect([badName.status, badName.body.code]).toEqual([400, 'validation_failed']);
    const byEditor = await call<ErrorBody>(url(), { headers: as(editor), body: { name: 'dev' } });
    expect([byEditor.status, byEditor.body.code]).toEqual([403, 'forbidden']);
  });

  it('rotates the SDK key: the new one works at once and the old one stops', async () => {
    const before = await production();
    expect((await sdkSession(before.sdkKey)).status).toBe(200);
    const rotated = await call<Environment>(url(`/${before.id}/rotate-sdk-key`), {
      method: 'POST',
      headers: as(owner),
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.sdkKey).not.toBe(before.sdkKey);
    const old = await sdkSession(before.sdkKey);
    expect([old.status, old.body.code]).toEqual([401, 'invalid_key']);
    expect((await sdkSession(rotated.body.sdkKey)).status).toBe(200);
    expect((await production()).sdkKey).toBe(rotated.body.sdkKey);
  });

  it('rotates the secret key: returned once, stored hashed, the old one stops', async () => {
    const env = await production();
    const first = await call<EnvironmentWithSecret>(url(`/${env.id}/rotate-secret-key`), {
      method: 'POST',
      headers: as(owner),
    });
    expect(first.status).toBe(200);
    const second = await call<EnvironmentWithSecret>(url(`/${env.id}/rotate-secret-key`), {
      method: 'POST',
      headers: as(owner),
    });
    expect(second.body.secretKey).not.toBe(first.body.secretKey);
    expect((await exportEvents(first.body.secretKey)).status).toBe(401);
    expect((await exportEvents(second.body.secretKey)).status).toBe(200);
    const [row] = (await app.db.query(
      'SELECT secret_key_hash FROM environments WHERE workspace_id = $1 AND id = $2',
      [owner.workspaceId, env.id],
    )) as Array<{ secret_key_hash: string }>;
    expect(row!.secret_key_hash).toBe(sha256(second.body.secretKey));

    const audit = await call<AuditPage>(
      `${app.url}/api/workspaces/${owner.workspaceId}/audit?targetId=${env.id}`,
      { headers: as(owner) },
    );
    expect(audit.body.data.map((e) => e.action)).toEqual([
      'environment.secret_key_rotated',
      'environment.secret_key_rotated',
      'environment.sdk_key_rotated',
    ]);
    expect(audit.body.data[0]!.after).toEqual({
      environment: 'production',
      secretKey: `…${second.body.secretKey.slice(-4)}`,
    });
    const text = JSON.stringify(audit.body);
    for (const secret of [first.body.secretKey, second.body.secretKey]) {
      expect(text).not.toContain(secret);
    }
  });

  it('refuses rotation to editors and viewers, and 404s an environment of another workspace', async () => {
    const env = await production();
    for (const member of [editor, viewer]) {
      for (const action of ['rotate-sdk-key', 'rotate-secret-key']) {
        const answer = await call<ErrorBody>(url(`/${env.id}/${action}`), {
          method: 'POST',
          headers: as(member),
        });
        expect([answer.status, answer.body.code]).toEqual([403, 'forbidden']);
      }
    }
    const other = await signUp(app.url);
    const [foreign] = (await app.db.query(
      `SELECT id FROM environments WHERE workspace_id = $1 LIMIT 1`,
      [other.workspaceId],
    )) as Array<{ id: string }>;
    const answer = await call<ErrorBody>(url(`/${foreign!.id}/rotate-sdk-key`), {
      method: 'POST',
      headers: as(owner),
    });
    expect([answer.status, answer.body.code]).toEqual([404, 'not_found']);
    expect((await production()).sdkKey).toBe(env.sdkKey);
  });
});

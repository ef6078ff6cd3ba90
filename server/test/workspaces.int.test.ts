import type {
  AuditPage,
  ErrorBody,
  IdentitySecret,
  MeResponse,
  SessionResponse,
  Workspace,
} from '@waymark/shared';
import { createHmac, randomUUID } from 'node:crypto';
import { WorkspacesService } from '../src/workspaces/workspaces.service';
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
let stranger: Builder;
beforeAll(async () => {
  app = await startLoggedApp();
  owner = await signUp(app.url, { workspaceName: 'Zeta' });
  editor = await addMember(app.url, owner, 'editor');
  viewer = await addMember(app.url, owner, 'viewer');
  stranger = await signUp(app.url);
});
afterAll(() => app.close());

const ws = (path = '') => `${app.url}/api/workspaces/${owner.workspaceId}${path}`;

describe('workspaces and the switcher', () => {
  it('creates a further workspace owned by the caller; /me lists every workspace by name', async () => {
    const created = await call<Workspace>(`${app.url}/api/workspaces`, {
      headers: as(owner),
      body: { name: '  Alpha  ' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Alpha',
      role: 'owner',
      requireIdentityVerification: false,
    });
    const me = await call<MeResponse>(`${app.url}/api/auth/me`, { headers: as(owner) });
    expect(me.body.workspaces).toEqual([
      { id: created.body.id, name: 'Alpha', role: 'owner' },
      { id: owner.workspaceId, name: 'Zeta', role: 'owner' },
    ]);
    const viewersMe = await call<MeResponse>(`${app.url}/api/auth/me`, { headers: as(viewer) });
    expect(viewersMe.body.workspaces).toContainEqual({
      id: owner.workspaceId,
      name: 'Zeta',
      role: 'viewer',
    });
  });

  it('needs the CSRF token to create one', async () => {
    const answer = await call<ErrorBody>(`${app.url}/api/workspaces`, {
      headers: { cookie: owner.cookie },
      body: { name: 'No token' },
    });
    expect([answer.status, answer.body.code]).toEqual([403, 'csrf_failed']);
  });

  it('shows a workspace to each member with their own role, and 404 to anyone else', async () => {
    expect((await call<Workspace>(ws(), { headers: as(viewer) })).body.role).toBe('viewer');
    expect((await call<Workspace>(ws(), { headers: as(editor) })).body.role).toBe('editor');
    for (const url of [
      ws(),
      `${app.url}/api/workspaces/${randomUUID()}`,
      `${app.url}/api/workspaces/not-a-uuid`,
    ]) {
      const answer = await call<ErrorBody>(url, { headers: as(stranger) });
      expect([answer.status, answer.body.code]).toEqual([404, 'not_found']);
    }
  });
});

describe('settings need the owner role', () => {
  it('lets the owner rename and require identity verification, recorded in the audit log', async () => {
    const answer = await call<Workspace>(ws(), {
      method: 'PATCH',
      headers: as(owner),
      body: { name: 'Zeta Corp', requireIdentityVerification: true },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ name: 'Zeta Corp', requireIdentityVerification: true });
    const audit = await call<AuditPage>(ws('/audit?action=workspace.updated'), {
      headers: as(viewer),
    });
    expect(audit.body.data[0]).toMatchObject({
      actor: { type: 'account', id: owner.accountId, label: owner.email },
      before: { name: 'Zeta', requireIdentityVerification: false },
      after: { name: 'Zeta Corp', requireIdentityVerification: true },
    });
  });

  it('keeps events forever by default; the owner sets a retention in days, audited, and clears it', async () => {
    const before = await call<Workspace>(ws(), { headers: as(viewer) });
    expect(before.body.eventRetentionDays).toBeNull();
    const set = await call<Workspace>(ws(), {
      method: 'PATCH',
      headers: as(owner),
      body: { eventRetentionDays: 90 },
    });
    expect([set.status, set.body.eventRetentionDays]).toEqual([200, 90]);
    const reread = await call<Workspace>(ws(), { headers: as(viewer) });
    expect(reread.body.eventRetentionDays).toBe(90);
    const audit = await call<AuditPage>(ws('/audit?action=workspace.updated'), {
      headers: as(viewer),
    });
    expect(audit.body.data[0]).toMatchObject({
      before: { eventRetentionDays: null },
      after: { eventRetentionDays: 90 },
    });
    for (const wrong of [0, 1.5, 40_000, '30']) {
      const refused = await call<ErrorBody>(ws(), {
        method: 'PATCH',
        headers: as(owner),
        body: { eventRetentionDays: wrong },
      });
      expect([refused.status, refused.body.code]).toEqual([400, 'validation_failed']);
      expect(JSON.stringify(refused.body.details)).toContain('eventRetentionDays');
    }
    const cleared = await call<Workspace>(ws(), {
      method: 'PATCH',
      headers: as(owner),
      body: { eventRetentionDays: null },
    });
    expect(cleared.body.eventRetentionDays).toBeNull();
  });

  it('answers 403 forbidden to editors and viewers and changes nothing', async () => {
    for (const member of [editor, viewer]) {
      const answer = await call<ErrorBody>(ws(), {
        method: 'PATCH',
        headers: as(member),
        body: { name: 'Hijacked' },
      });
      expect([answer.status, answer.body.code]).toEqual([403, 'forbidden']);
      const secret = await call<ErrorBody>(ws('/identity-secret'), { headers: as(member) });
      expect(secret.status).toBe(403);
    }
    expect((await call<Workspace>(ws(), { headers: as(owner) })).body.name).not.toBe('Hijacked');
  });
});

describe('identity verification', () => {
  const hmac = (secret: string, userId: string) =>
    createHmac('sha256', secret).update(userId).digest('hex');

  it('verifies HMAC-SHA256(userId, secret) after the SDK key was resolved, and rotation retires the old secret', async () => {
    const service = app.app.get(WorkspacesService);
    const first = await call<IdentitySecret>(ws('/identity-secret'), { headers: as(owner) });
    expect(first.body.secret).toMatch(/^wm_is_/);
    const [{ sdk_key: sdkKey }] = (await app.db.query(
      `SELECT sdk_key FROM environments WHERE workspace_id = $1 AND name = 'production'`,
      [owner.workspaceId],
    )) as [{ sdk_key: string }];
    const session = () =>
      call<SessionResponse>(`${app.url}/sdk/v1/session`, {
        headers: { 'x-waymark-key': sdkKey },
        body: { user: { anonymousId: 'anon-1' }, context: { url: 'https://app.example.com/' } },
      });

    expect(
      service.verifyIdentity(owner.workspaceId, 'user-1', hmac(first.body.secret, 'user-1')),
    ).toBe(false);
    expect((await session()).status).toBe(200);
    expect(
      service.verifyIdentity(owner.workspaceId, 'user-1', hmac(first.body.secret, 'user-1')),
    ).toBe(true);
    expect(
      service.verifyIdentity(owner.workspaceId, 'user-2', hmac(first.body.secret, 'user-1')),
    ).toBe(false);
    expect(service.verifyIdentity(owner.workspaceId, 'user-1', undefined)).toBe(false);
    expect(service.requiresIdentityVerification(owner.workspaceId)).toBe(true);

    const rotated = await call<IdentitySecret>(ws('/identity-secret/rotate'), {
      method: 'POST',
      headers: as(owner),
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(first.body.secret);
    await session();
    expect(
      service.verifyIdentity(owner.workspaceId, 'user-1', hmac(first.body.secret, 'user-1')),
    ).toBe(false);
    expect(
      service.verifyIdentity(owner.workspaceId, 'user-1', hmac(rotated.body.secret, 'user-1')),
    ).toBe(true);
    const audit = await call<AuditPage>(ws('/audit?action=workspace.identity_secret_rotated'), {
      headers: as(owner),
    });
    expect(audit.body.data).toHaveLength(1);
    expect(JSON.stringify(audit.body)).not.toContain(rotated.body.secret);
  });
});

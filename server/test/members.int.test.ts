import type {
  AuditPage,
  ErrorBody,
  InvitationCreated,
  InvitationList,
  Member,
  MemberList,
  MeResponse,
} from '@waymark/shared';
import { createHash } from 'node:crypto';
import {
  addMember,
  as,
  lastMailLink,
  signUp,
  startLoggedApp,
  type Builder,
  type LoggedTestApp,
} from './support/builder-session';
import { call } from './support/http';

let app: LoggedTestApp;
beforeAll(async () => {
  app = await startLoggedApp();
});
afterAll(() => app.close());

const url = (owner: Builder, path: string) =>
  `${app.url}/api/workspaces/${owner.workspaceId}${path}`;
const invite = (owner: Builder, by: Builder, email: string, role = 'editor') =>
  call<InvitationCreated & ErrorBody>(url(owner, '/invitations'), {
    headers: as(by),
    body: { email, role },
  });
const accept = (owner: Builder, by: Builder, token: string) =>
  call<Member & ErrorBody>(url(owner, '/invitations/accept'), { headers: as(by), body: { token } });
const members = async (owner: Builder, by: Builder = owner) =>
  (await call<MemberList>(url(owner, '/members'), { headers: as(by) })).body.data;

describe('invitations', () => {
  it('mails a single-use link, stores only its hash, and the invitee joins with the role', async () => {
    const owner = await signUp(app.url, { workspaceName: 'Invites' });
    const invitee = await signUp(app.url);
    const created = await invite(owner, owner, invitee.email.toUpperCase(), 'viewer');
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^wm_inv_/);
    expect(created.body.invitation).toMatchObject({ role: 'viewer', invitedBy: owner.email });
    expect(lastMailLink(app.logs, invitee.email)).toBe(created.body.url);
    expect(created.body.url).toContain(`workspace=${owner.workspaceId}`);
    const [row] = (await app.db.query('SELECT token_hash FROM invitations WHERE id = $1', [
      created.body.invitation.id,
    ])) as Array<{ token_hash: string }>;
    expect(row!.token_hash).toBe(createHash('sha256').update(created.body.token).digest('hex'));
    const pending = await call<InvitationList>(url(owner, '/invitations'), { headers: as(owner) });
    expect(pending.body.data.map((i) => i.id)).toEqual([created.body.invitation.id]);
    expect(JSON.stringify(pending.body)).not.toContain(created.body.token);

    const joined = await accept(owner, invitee, created.body.token);
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ accountId: invitee.accountId, role: 'viewer' });
    const me = await call<MeResponse>(`${app.url}/api/auth/me`, { headers: as(invitee) });
    expect(me.body.workspaces).toContainEqual({
      id: owner.workspaceId,
      name: 'Invites',
      role: 'viewer',
    });
    expect((await accept(owner, invitee, created.body.token)).status).toBe(404);
    const after = await call<InvitationList>(url(owner, '/invitations'), { headers: as(owner) });
    expect(after.body.data).toEqual([]);
  });

  it('refuses an account with another email, leaving the invitation pending', async () => {
    const owner = await signUp(app.url);
    const invitee = await signUp(app.url);
    const other = await signUp(app.url);
    const created = await invite(owner, owner, invitee.email);
    const wrong = await accept(owner, other, created.body.token);
    expect([wrong.status, wrong.body.code]).toEqual([403, 'forbidden']);
    expect((await members(owner)).map((m) => m.accountId)).not.toContain(other.accountId);
    expect((await accept(owner, invitee, created.body.token)).status).toBe(200);
  });

  it('refuses expired, revoked, replaced and made-up tokens with 404', async () => {
    const owner = await signUp(app.url);
    const invitee = await signUp(app.url);
    const first = await invite(owner, owner, invitee.email);
    const second = await invite(owner, owner, invitee.email);
    expect((await accept(owner, invitee, first.body.token)).status).toBe(404);
    await app.db.query(
      `UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [second.body.invitation.id],
    );
    expect((await accept(owner, invitee, second.body.token)).status).toBe(404);
    const third = await invite(owner, owner, invitee.email);
    const revoked = await call(url(owner, `/invitations/${third.body.invitation.id}`), {
      method: 'DELETE',
      headers: as(owner),
    });
    expect(revoked.status).toBe(200);
    expect((await accept(owner, invitee, third.body.token)).status).toBe(404);
    expect((await accept(owner, invitee, 'wm_inv_made-up')).status).toBe(404);
    expect((await members(owner)).map((m) => m.accountId)).toEqual([owner.accountId]);
  });

  it('lets only owners invite, and not someone who is already a member', async () => {
    const owner = await signUp(app.url);
    const editor = await addMember(app.url, owner, 'editor');
    const byEditor = await invite(owner, editor, 'someone@example.test');
    expect([byEditor.status, byEditor.body.code]).toEqual([403, 'forbidden']);
    const again = await invite(owner, owner, editor.email);
    expect([again.status, again.body.code]).toEqual([409, 'conflict']);
  });
});

describe('roles', () => {
  it('lets the owner change roles, but never leaves a workspace without an owner', async () => {
    const owner = await signUp(app.url);
    const viewer = await addMember(app.url, owner, 'viewer');
    const change = (target: Builder, role: string, by: Builder = owner) =>
      call<Member & ErrorBody>(url(owner, `/members/${target.accountId}`), {
        method: 'PATCH',
        headers: as(by),
        body: { role },
      });
    expect((await change(viewer, 'owner', viewer)).body.code).toBe('forbidden');
    const demoteSelf = await change(owner, 'editor');
    expect([demoteSelf.status, demoteSelf.body.code]).toEqual([409, 'conflict']);
    expect((await change(viewer, 'owner')).body.role).toBe('owner');
    expect((await change(owner, 'editor')).body.role).toBe('editor');
    const roles = Object.fromEntries((await members(owner, viewer)).map((m) => [m.email, m.role]));
    expect(roles).toEqual({ [owner.email]: 'editor', [viewer.email]: 'owner' });
    const audit = await call<AuditPage>(url(owner, '/audit?action=member.role_changed'), {
      headers: as(owner),
    });
    expect(audit.body.data.map((e) => [e.target.id, e.before?.role, e.after?.role])).toEqual([
      [owner.accountId, 'owner', 'editor'],
      [viewer.accountId, 'viewer', 'owner'],
    ]);
  });

  it('answers 404 for a member of another workspace', async () => {
    const owner = await signUp(app.url);
    const other = await signUp(app.url);
    const answer = await call<ErrorBody>(url(owner, `/members/${other.accountId}`), {
      method: 'PATCH',
      headers: as(owner),
      body: { role: 'viewer' },
    });
    expect([answer.status, answer.body.code]).toEqual([404, 'not_found']);
  });
});

describe('removing members', () => {
  it('lets owners remove others and anyone leave; the last owner stays', async () => {
    const owner = await signUp(app.url);
    const editor = await addMember(app.url, owner, 'editor');
    const viewer = await addMember(app.url, owner, 'viewer');
    const remove = (target: Builder, by: Builder) =>
      call<ErrorBody>(url(owner, `/members/${target.accountId}`), {
        method: 'DELETE',
        headers: as(by),
      });
    expect((await remove(editor, viewer)).body.code).toBe('forbidden');
    expect((await remove(editor, owner)).status).toBe(200);
    expect((await call<ErrorBody>(url(owner, ''), { headers: as(editor) })).status).toBe(404);
    expect((await remove(viewer, viewer)).status).toBe(200);
    const last = await remove(owner, owner);
    expect([last.status, last.body.code]).toEqual([409, 'conflict']);
    expect((await members(owner)).map((m) => m.accountId)).toEqual([owner.accountId]);
    const audit = await call<AuditPage>(url(owner, '/audit?targetType=member'), {
      headers: as(owner),
    });
    expect(audit.body.data.slice(0, 2).map((e) => [e.action, e.target.id])).toEqual([
      ['member.left', viewer.accountId],
      ['member.removed', editor.accountId],
    ]);
  });
});

import type { ErrorBody, MeResponse } from '@waymark/shared';
import { createWorkspace, publishContent, type TestWorkspace } from './support/factories';
import { call } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
let a: TestWorkspace;
let b: TestWorkspace;
beforeAll(async () => {
  app = await startTestApp();
  a = await createWorkspace(app.db);
  b = await createWorkspace(app.db);
});
afterAll(() => app.close());

async function login(workspace: TestWorkspace): Promise<{ cookie: string; me: MeResponse }> {
  const answer = await call<MeResponse>(`${app.url}/api/auth/login`, {
    body: { email: workspace.email.toUpperCase(), password: workspace.password },
  });
  expect(answer.status).toBe(200);
  const setCookie = answer.headers.get('set-cookie') ?? '';
  expect(setCookie).toMatch(/wm_session=[^;]+;.*HttpOnly/i);
  expect(setCookie).toMatch(/SameSite=Lax/i);
  return { cookie: setCookie.split(';')[0]!, me: answer.body };
}

describe('builder sessions', () => {
  it('signs in with the right password (email case-insensitive) and lists own workspaces', async () => {
    const { cookie, me } = await login(a);
    expect(me.workspaces).toEqual([{ id: a.workspaceId, name: 'Test', role: 'owner' }]);
    const again = await call<MeResponse>(`${app.url}/api/auth/me`, { headers: { cookie } });
    expect(again.body.account.email).toBe(a.email);
  });

  it('refuses a wrong password and an unknown email with the same answer', async () => {
    const wrong = await call<ErrorBody>(`${app.url}/api/auth/login`, {
      body: { email: a.email, password: 'wrong password' },
    });
    const unknown = await call<ErrorBody>(`${app.url}/api/auth/login`, {
      body: { email: 'nobody@example.test', password: 'wrong password' },
    });
    expect([wrong.status, wrong.body.code]).toEqual([401, 'invalid_credentials']);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('needs a session for /me and the CSRF token for logout', async () => {
    expect((await call<ErrorBody>(`${app.url}/api/auth/me`)).body.code).toBe('unauthenticated');
    const { cookie, me } = await login(a);
    const noToken = await call<ErrorBody>(`${app.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie },
    });
    expect([noToken.status, noToken.body.code]).toEqual([403, 'csrf_failed']);
    const out = await call(`${app.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': me.csrfToken },
    });
    expect(out.status).toBe(200);
    expect((await call<ErrorBody>(`${app.url}/api/auth/me`, { headers: { cookie } })).status).toBe(
      401,
    );
  });
});

describe('tenant isolation of the builder API', () => {
  it('lists a workspace’s content to its members and answers 404 to everyone else', async () => {
    const { contentId } = await publishContent(app.db, b.workspaceId, { name: 'B only' });
    const asB = await login(b);
    const own = await call<{ data: Array<{ id: string; name: string; publishedVersion: number }> }>(
      `${app.url}/api/workspaces/${b.workspaceId}/content`,
      { headers: { cookie: asB.cookie } },
    );
    expect(own.body.data).toEqual([
      expect.objectContaining({ id: contentId, name: 'B only', publishedVersion: 1 }),
    ]);

    const asA = await login(a);
    const other = await call<ErrorBody>(`${app.url}/api/workspaces/${b.workspaceId}/content`, {
      headers: { cookie: asA.cookie },
    });
    expect([other.status, other.body.code]).toEqual([404, 'not_found']);
  });
});

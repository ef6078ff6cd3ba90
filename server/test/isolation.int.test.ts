import type { EnvironmentList, EnvironmentWithSecret } from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import { addMember, signIn, signUp, as } from './support/builder-session';
import {
  paramsOf,
  resolveIds,
  routes,
  seedThroughContract,
  send,
  unresolved,
  validRequest,
  type Credentials,
  type Ids,
  type Route,
} from './support/contract-routes';
import { publishContent } from './support/factories';
import { call } from './support/http';
import { workspaceFingerprint } from './support/tenant-state';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The tenant-isolation matrix. For EVERY route in the contract (routes other modules add are
 * picked up from shared/src/api/contract.ts): workspace A's session and keys, aimed at workspace
 * B's real resources, answer 404 `not_found` and show nothing of B; and B's data is unchanged
 * afterwards, row for row, in every table that has a workspace_id.
 */

// Some routes have hundreds of cases; jest's per-project testTimeout is not applied.
jest.setTimeout(120_000);

interface Tenant extends Credentials {
  label: string;
  ids: Ids;
  /** Strings only this tenant's data contains: ids, keys, names, emails. */
  markers: string[];
}

let app: TestApp;
let a: Tenant;
let b: Tenant;
let bBefore: Record<string, string>;

async function tenant(name: string): Promise<Tenant> {
  const label = `${name}-${randomUUID()}`;
  const builder = await signUp(app.url, { workspaceName: label });
  const editor = await addMember(app.url, builder, 'editor');
  const base = `${app.url}/api/workspaces/${builder.workspaceId}/environments`;
  const envs = await call<EnvironmentList>(base, { headers: as(builder) });
  const production = envs.body.data.find((e) => e.name === 'production')!;
  const rotated = await call<EnvironmentWithSecret>(`${base}/${production.id}/rotate-secret-key`, {
    method: 'POST',
    headers: as(builder),
  });
  const creds = { builder, sdkKey: production.sdkKey, secretKey: rotated.body.secretKey };
  await publishContent(app.db, builder.workspaceId, { name: `${label} tour` });
  const sent = await call(`${app.url}/sdk/v1/events`, {
    headers: { 'x-waymark-key': creds.sdkKey },
    body: {
      user: { anonymousId: `${label}-anon`, userId: `${label}-user` },
      sentAt: new Date().toISOString(),
      events: [
        {
          type: 'track',
          event: `${label}-event`,
          messageId: randomUUID(),
          timestamp: new Date().toISOString(),
          properties: { marker: label },
        },
      ],
    },
  });
  expect(sent.status).toBe(200);
  // Resources no route lists: end users come from events.
  const extra = {
    '/api/v1/users/{id}': `${label}-user`,
    '/api/workspaces/{workspaceId}/users/{userId}': `${label}-user`,
  };
  await seedThroughContract(app.url, creds, builder.workspaceId, extra);
  const ids = await resolveIds(app.url, creds, builder.workspaceId, extra);
  const markers = [
    label,
    builder.email,
    editor.email,
    creds.sdkKey,
    creds.secretKey,
    ...Object.values(ids),
  ].filter((m) => m.length >= 16);
  return { ...creds, label, ids, markers };
}

beforeAll(async () => {
  app = await startTestApp();
  a = await tenant('A');
  b = await tenant('B');
  bBefore = await workspaceFingerprint(app.db, b.builder.workspaceId);
}, 60_000);
afterAll(() => app.close());

const leaks = (body: unknown): string[] => {
  const text = JSON.stringify(body) ?? '';
  return b.markers.filter((marker) => text.includes(marker));
};

const scoped = routes.filter((route) => paramsOf(route.path).length > 0);
const unscoped = routes.filter((r) => paramsOf(r.path).length === 0 && r.auth !== 'none');

describe('every id parameter resolves to a real resource of B', () => {
  it('leaves no parameter of the contract unresolved (add a list route or seed it)', () => {
    const missing = scoped.flatMap((route) =>
      unresolved(route, b.ids).map((name) => `${route.name} {${name}}`),
    );
    expect(missing).toEqual([]);
  });
});

describe.each(scoped.map((route): [string, Route] => [route.name, route]))('%s', (_name, route) => {
  it("answers 404 to A's credentials aimed at B, and shows nothing of B", async () => {
    const answer = await send(app.url, route, a, validRequest(route, b.ids));
    expect([answer.status, (answer.body as { code?: string } | null)?.code]).toEqual([
      404,
      'not_found',
    ]);
    expect(leaks(answer.body)).toEqual([]);
  });

  if (paramsOf(route.path).length > 1) {
    it("answers 404 to B's resource ids under A's own workspace", async () => {
      const ids = { ...b.ids, workspaceId: a.builder.workspaceId };
      const answer = await send(app.url, route, a, validRequest(route, ids));
      expect([answer.status, (answer.body as { code?: string } | null)?.code]).toEqual([
        404,
        'not_found',
      ]);
      expect(leaks(answer.body)).toEqual([]);
    });
  }

  if (route.method === 'GET') {
    it('answers B itself (so the 404 above is isolation, not absence)', async () => {
      const answer = await send(app.url, route, b, validRequest(route, b.ids));
      expect(answer.status).toBeLessThan(300);
    });
  }
});

describe.each(unscoped.map((route): [string, Route] => [route.name, route]))(
  '%s (no workspace in the path: the credentials decide)',
  (_name, route) => {
    it("shows A nothing of B through A's own session or keys", async () => {
      // A fresh session per route: logout ends the one it is called with.
      const builder = await signIn(app.url, a.builder.email, a.builder.password);
      const answer = await send(app.url, route, { ...a, builder }, validRequest(route, a.ids));
      expect(answer.status).toBeLessThan(500);
      expect(leaks(answer.body)).toEqual([]);
    });
  },
);

describe('key-authenticated routes', () => {
  it("are not vacuous: B's own keys do see B's data through them", async () => {
    const seen: string[] = [];
    for (const route of unscoped.filter((r) => r.auth !== 'session' && r.method !== 'POST')) {
      const answer = await send(app.url, route, b, validRequest(route, b.ids));
      if (leaks(answer.body).length) seen.push(route.name);
    }
    const session = routes.find((r) => r.auth === 'sdk-key' && r.path === '/sdk/v1/session')!;
    const bSession = await send(app.url, session, b, validRequest(session, b.ids));
    if (leaks(bSession.body).length) seen.push(session.name);
    expect(seen).toEqual(expect.arrayContaining(['eventsExport', 'sdkSession']));
  });
});

describe('after the whole matrix', () => {
  it('B holds exactly what it held before, in every tenant table', async () => {
    expect(await workspaceFingerprint(app.db, b.builder.workspaceId)).toEqual(bBefore);
  });
});

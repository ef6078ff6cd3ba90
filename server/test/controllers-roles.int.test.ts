import { contract, type ErrorBody, type ThemeRecord } from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import { startLoggedApp, type LoggedTestApp } from './support/builder-session';
import { builderApi, createTenant, type Member, type Tenant } from './support/content-fixtures';
import { call } from './support/http';

// The routes content, themes, feature tags and experiments take from WorkspaceResourceController
// and WorkspaceCrudController (common/workspace-crud.controller.ts): each is served with the
// contract's method, path and status; viewers read, editors write; params and body are validated
// before the service runs (a wrong body answers 400, an unknown id 404).

const resources = ['content', 'theme', 'featureTag', 'experiment'] as const;
const verbs = ['List', 'Get', 'Create', 'Update', 'Delete'] as const;
type Verb = (typeof verbs)[number];
const writes: ReadonlySet<Verb> = new Set(['Create', 'Update', 'Delete']);

const served = resources.flatMap((resource) =>
  verbs.flatMap((verb) => {
    const route = (contract as Record<string, (typeof contract)[keyof typeof contract]>)[
      `${resource}${verb}`
    ];
    return route ? [{ name: `${resource}${verb}`, verb, route }] : [];
  }),
);

let app: LoggedTestApp;
let t: Tenant;
beforeAll(async () => {
  app = await startLoggedApp();
  t = await createTenant(app);
});
afterAll(() => app.close());

/** The route in this workspace with a made-up item id; a write's body has an unknown field. */
function request(route: (typeof served)[number]['route'], member: Member) {
  const url = route.path.replace('{workspaceId}', t.workspaceId).replace(/\{\w+\}/, randomUUID());
  return call<ErrorBody>(`${app.url}${url}`, {
    method: route.method,
    headers: { cookie: member.cookie, 'x-csrf-token': member.csrf },
    ...('body' in route ? { body: { notAField: true } } : {}),
  });
}

describe('the shared CRUD routes of workspace resources', () => {
  it('covers the four resources (19 routes: experiments have no delete)', () => {
    expect(served.map((s) => s.name)).toHaveLength(19);
    expect(served.map((s) => s.name)).not.toContain('experimentDelete');
  });

  it.each(served)('$name: a viewer reads and may not write', async ({ verb, route }) => {
    const answer = await request(route, t.viewer);
    if (writes.has(verb)) {
      expect([answer.status, answer.body.code]).toEqual([403, 'forbidden']);
    } else if (verb === 'List') {
      expect(answer.status).toBe(200);
    } else {
      expect([answer.status, answer.body.code]).toEqual([404, 'not_found']);
    }
  });

  it.each(served)('$name: an editor passes the role check and meets validation', async (s) => {
    const answer = await request(s.route, t.editor);
    const expected: Record<Verb, [number, string | undefined]> = {
      List: [200, undefined],
      Get: [404, 'not_found'],
      Create: [400, 'validation_failed'],
      Update: [400, 'validation_failed'],
      Delete: [404, 'not_found'],
    };
    expect([answer.status, answer.body.code]).toEqual(expected[s.verb]);
  });

  it('answers each step of a theme’s life with the contract’s status', async () => {
    const api = builderApi(app, t, t.editor);
    const created = await api.post<ThemeRecord>('/themes', { name: 'Night', theme: {} });
    expect(created.status).toBe(contract.themeCreate.status);
    const id = created.body.id;
    expect((await api.get<ThemeRecord>(`/themes/${id}`)).body.name).toBe('Night');
    const renamed = await api.patch<ThemeRecord>(`/themes/${id}`, { name: 'Dusk' });
    expect([renamed.status, renamed.body.name]).toEqual([200, 'Dusk']);
    const removed = await api.del(`/themes/${id}`);
    expect([removed.status, removed.body]).toEqual([200, { ok: true }]);
    expect((await api.get(`/themes/${id}`)).status).toBe(404);
  });
});

import type {
  AuditPage,
  EnvironmentList,
  EnvironmentWithSecret,
  ErrorBody,
  Goal,
  GoalStats,
  Journey,
  JourneyStats,
  Segment,
  SegmentMembersPage,
  SegmentPreview,
} from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import { addMember, as, signUp, type Builder } from './support/builder-session';
import { call } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Segments, goals and journeys through the builder session (`/api/workspaces/{id}/…`): the same
 * handlers as `/api/v1/…` with the secret key, behind the role guard, and audited.
 */
let app: TestApp;
let owner: Builder;
let editor: Builder;
let viewer: Builder;
let secretKey: string;
const users = ['u1', 'u2', 'u3'].map((n) => `${n}-${randomUUID()}`);

beforeAll(async () => {
  app = await startTestApp();
  owner = await signUp(app.url);
  editor = await addMember(app.url, owner, 'editor');
  viewer = await addMember(app.url, owner, 'viewer');
  const envs = `${app.url}/api/workspaces/${owner.workspaceId}/environments`;
  const list = await call<EnvironmentList>(envs, { headers: as(owner) });
  const production = list.body.data.find((e) => e.name === 'production')!;
  const rotated = await call<EnvironmentWithSecret>(`${envs}/${production.id}/rotate-secret-key`, {
    method: 'POST',
    headers: as(owner),
  });
  secretKey = rotated.body.secretKey;
  // u1 invited three times, u2 once, u3 never (but seen).
  const batch = [
    ...[0, 1, 2].map(() => ({ type: 'track', event: 'Invite Sent', userId: users[0] })),
    { type: 'track', event: 'Invite Sent', userId: users[1] },
    { type: 'track', event: 'Signed Up', userId: users[2] },
    ...users.map((userId) => ({ type: 'track', event: 'Signed Up', userId })),
  ].map((m) => ({ messageId: randomUUID(), ...m }));
  const sent = await call(`${app.url}/v1/batch`, {
    headers: { authorization: `Basic ${Buffer.from(`${secretKey}:`).toString('base64')}` },
    body: { batch },
  });
  expect(sent.status).toBe(200);
});
afterAll(() => app.close());

const ws = (path: string, who: Builder = editor) =>
  `${app.url}/api/workspaces/${who.workspaceId}${path}`;
const session = <T>(who: Builder, path: string, method = 'GET', body?: unknown) =>
  call<T>(ws(path, who), { method, headers: as(who), ...(body === undefined ? {} : { body }) });

const invitedTwice = {
  type: 'event',
  name: 'Invite Sent',
  count: { op: 'gte', value: 2 },
  window: { days: 7 },
};

describe('segments through the builder session', () => {
  it('previews, creates, lists, pages members, exports CSV, updates, refreshes and deletes', async () => {
    const preview = await session<SegmentPreview>(viewer, '/segments/preview', 'POST', {
      rule: invitedTwice,
      sample: 5,
    });
    expect([preview.status, preview.body.count]).toEqual([200, 1]);
    expect(preview.body.sample.map((m) => m.userId)).toEqual([users[0]]);

    const created = await session<Segment>(editor, '/segments', 'POST', {
      name: 'Inviters',
      rule: invitedTwice,
    });
    expect([created.status, created.body.members]).toEqual([201, 1]);
    const id = created.body.id;

    const list = await session<{ data: Segment[] }>(viewer, '/segments');
    expect(list.body.data.map((s) => [s.id, s.members])).toEqual([[id, 1]]);
    const got = await session<Segment>(viewer, `/segments/${id}`);
    expect(got.body.refreshedAt).not.toBeNull();

    const members = await session<SegmentMembersPage>(viewer, `/segments/${id}/members?limit=10`);
    expect(members.body.data.map((m) => m.userId)).toEqual([users[0]]);
    const csv = await fetch(ws(`/segments/${id}/members.csv`), { headers: as(viewer) });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(users[0]);

    const updated = await session<Segment>(editor, `/segments/${id}`, 'PUT', {
      name: 'Any inviter',
      rule: { ...invitedTwice, count: { op: 'gte', value: 1 } },
    });
    expect([updated.status, updated.body.name, updated.body.members]).toEqual([
      200,
      'Any inviter',
      2,
    ]);
    const refreshed = await session<{ members: number }>(editor, `/segments/${id}/refresh`, 'POST');
    expect([refreshed.status, refreshed.body.members]).toEqual([200, 2]);

    const audit = await session<AuditPage>(owner, '/audit?limit=50');
    const mine = audit.body.data.filter((e) => e.target.id === id);
    expect(mine.map((e) => [e.action, e.actor.type, e.actor.label])).toEqual([
      ['segment.updated', 'account', editor.email],
      ['segment.created', 'account', editor.email],
    ]);

    const deleted = await session<{ deleted: true }>(editor, `/segments/${id}`, 'DELETE');
    expect(deleted.body).toEqual({ deleted: true });
    expect((await session<ErrorBody>(viewer, `/segments/${id}`)).status).toBe(404);
  });

  it('lets viewers read and preview but change nothing', async () => {
    const made = await session<Segment>(editor, '/segments', 'POST', {
      name: 'Seen',
      rule: { type: 'event', name: 'Signed Up' },
    });
    const id = made.body.id;
    const attempts: Array<[string, string, unknown]> = [
      ['/segments', 'POST', { name: 'Nope', rule: invitedTwice }],
      [`/segments/${id}`, 'PUT', { name: 'Nope', rule: invitedTwice }],
      [`/segments/${id}`, 'DELETE', undefined],
      [`/segments/${id}/refresh`, 'POST', undefined],
    ];
    for (const [path, method, body] of attempts) {
      const answer = await session<ErrorBody>(viewer, path, method, body);
      expect([path, method, answer.status, answer.body.code]).toEqual([
        path,
        method,
        403,
        'forbidden',
      ]);
    }
    const list = await session<{ data: Segment[] }>(viewer, '/segments');
    expect(list.body.data.map((s) => s.name)).toEqual(['Seen']);
  });

  it('refuses writes without the CSRF token, strangers with 404, and no session with 401', async () => {
    const noCsrf = await call<ErrorBody>(ws('/segments'), {
      headers: { cookie: editor.cookie },
      body: { name: 'x', rule: invitedTwice },
    });
    expect([noCsrf.status, noCsrf.body.code]).toEqual([403, 'csrf_failed']);
    const stranger = await signUp(app.url);
    const list = await call<ErrorBody>(ws('/segments'), { headers: as(stranger) });
    expect([list.status, list.body.code]).toEqual([404, 'not_found']);
    const anonymous = await call<ErrorBody>(ws('/segments'));
    expect(anonymous.status).toBe(401);
    // The secret key does not open the builder door, nor a session the key door.
    const keyed = await call<ErrorBody>(ws('/segments'), {
      headers: { authorization: `Bearer ${secretKey}` },
    });
    expect(keyed.status).toBe(401);
    const sessionOnV1 = await call<ErrorBody>(`${app.url}/api/v1/segments`, {
      headers: as(editor),
    });
    expect(sessionOnV1.status).toBe(401);
  });

  it('answers validation errors with field paths', async () => {
    const bad = await session<ErrorBody>(editor, '/segments', 'POST', {
      name: '',
      rule: { type: 'page', op: 'eq', value: '/x' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    const paths = (bad.body.details as Array<{ path: string }>).map((d) => d.path);
    expect(paths).toContain('name');
  });

  it('serves the same segment through the secret key, audited with the key as actor', async () => {
    const made = await call<Segment>(`${app.url}/api/v1/segments`, {
      headers: { authorization: `Bearer ${secretKey}` },
      body: { name: 'By key', rule: { type: 'event', name: 'Invite Sent' } },
    });
    expect(made.status).toBe(201);
    const seen = await session<Segment>(viewer, `/segments/${made.body.id}`);
    expect([seen.body.name, seen.body.members]).toEqual(['By key', 2]);
    const audit = await session<AuditPage>(owner, '/audit?limit=50');
    const entry = audit.body.data.find((e) => e.target.id === made.body.id);
    expect([entry?.action, entry?.actor.type]).toEqual(['segment.created', 'secret-key']);
  });
});

describe('goals and journeys through the builder session', () => {
  it('creates a goal and reads its stats', async () => {
    const goal = await session<Goal>(editor, '/goals', 'POST', {
      name: 'Invited someone',
      definition: { kind: 'event', event: 'Invite Sent', where: [] },
    });
    expect([goal.status, goal.body.completions]).toEqual([201, 2]);
    const stats = await session<GoalStats>(viewer, `/goals/${goal.body.id}/stats?interval=day`);
    expect([stats.status, stats.body.completions, stats.body.users]).toEqual([200, 2, 3]);
    expect(stats.body.rate).toBeCloseTo(2 / 3);
    const forbidden = await session<ErrorBody>(viewer, `/goals/${goal.body.id}`, 'DELETE');
    expect(forbidden.status).toBe(403);
  });

  it('creates a journey and reads its stage stats', async () => {
    const journey = await session<Journey>(editor, '/journeys', 'POST', {
      name: 'Activation',
      stages: [
        { id: 'signed-up', name: 'Signed up', rule: { type: 'event', name: 'Signed Up' } },
        { id: 'inviting', name: 'Inviting', rule: { type: 'event', name: 'Invite Sent' } },
        { id: 'power', name: 'Power', rule: invitedTwice },
      ],
    });
    expect(journey.status).toBe(201);
    const stats = await session<JourneyStats>(viewer, `/journeys/${journey.body.id}/stats`);
    expect(stats.body.stages.map((s) => [s.id, s.current, s.entered])).toEqual([
      ['signed-up', 1, 3],
      ['inviting', 1, 2],
      ['power', 1, 1],
    ]);
    expect(stats.body.stages[0]!.conversionToNext).toBeCloseTo(2 / 3);
    const list = await session<{ data: Journey[] }>(viewer, '/journeys');
    expect(list.body.data.map((j) => j.name)).toEqual(['Activation']);
  });
});

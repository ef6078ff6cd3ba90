import type {
  AuditPage,
  EnvironmentList,
  EnvironmentWithSecret,
  ErrorBody,
  EventsExportResponse,
  UserExport,
  UserSearchPage,
  Workspace,
} from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import { addMember, as, signUp, type Builder } from './support/builder-session';
import { call } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The builder's user routes: search (ids by prefix, name/email traits by substring, keyset
 * pages), the profile (the same answer as the secret-key export) and the person's timeline
 * across every id they used; plus the workspace's app URL setting.
 */

let app: TestApp;
let owner: Builder;
let viewer: Builder;
let other: Builder;
let secretKey: string;
const tag = randomUUID().slice(0, 8);
const ada = `ada-${tag}`;
const adaAnon = `anon-ada-${tag}`;

const ws = (path = '', who: Builder = owner) =>
  `${app.url}/api/workspaces/${who.workspaceId}${path}`;
const basic = () => ({ authorization: `Basic ${Buffer.from(`${secretKey}:`).toString('base64')}` });
const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

async function keysOf(builder: Builder): Promise<{ sdkKey: string; secretKey: string }> {
  const envs = await call<EnvironmentList>(ws('/environments', builder), { headers: as(builder) });
  const production = envs.body.data.find((e) => e.name === 'production')!;
  const rotated = await call<EnvironmentWithSecret>(
    ws(`/environments/${production.id}/rotate-secret-key`, builder),
    { method: 'POST', headers: as(builder) },
  );
  return { sdkKey: production.sdkKey, secretKey: rotated.body.secretKey };
}

async function ingest(path: string, body: Record<string, unknown>): Promise<void> {
  const answer = await call(`${app.url}${path}`, {
    headers: basic(),
    body: { messageId: randomUUID(), ...body },
  });
  expect(answer.status).toBe(200);
}

beforeAll(async () => {
  app = await startTestApp();
  owner = await signUp(app.url);
  viewer = await addMember(app.url, owner, 'viewer');
  other = await signUp(app.url);
  ({ secretKey } = await keysOf(owner));
  // Ada browses anonymously, then signs in (identify merges the two).
  await ingest('/v1/track', { anonymousId: adaAnon, event: 'Viewed pricing', timestamp: at(30) });
  await ingest('/v1/identify', {
    userId: ada,
    anonymousId: adaAnon,
    traits: { email: `Ada.Lovelace-${tag}@Example.com`, name: 'Ada Lovelace' },
    timestamp: at(20),
  });
  await ingest('/v1/track', { userId: ada, event: 'Project created', timestamp: at(10) });
  await ingest('/v1/identify', {
    userId: `grace-${tag}`,
    traits: { email: `grace-${tag}@navy.example`, name: 'Grace Hopper' },
    timestamp: at(5),
  });
  await ingest('/v1/track', {
    anonymousId: `anon-only-${tag}`,
    event: 'Opened app',
    timestamp: at(4),
  });
  for (const n of [1, 2, 3]) {
    await ingest('/v1/identify', {
      userId: `pager-${tag}-${n}`,
      traits: { name: `Pager ${n}` },
      timestamp: at(3),
    });
  }
  // Another workspace with a person of the same name must never show up.
  const otherKeys = await keysOf(other);
  const answer = await call(`${app.url}/v1/identify`, {
    headers: {
      authorization: `Basic ${Buffer.from(`${otherKeys.secretKey}:`).toString('base64')}`,
    },
    body: { messageId: randomUUID(), userId: `ada-other-${tag}`, traits: { name: 'Ada Lovelace' } },
  });
  expect(answer.status).toBe(200);
});
afterAll(() => app.close());

const search = (query: Record<string, string>, who: Builder = owner) =>
  call<UserSearchPage>(`${ws('/users', who)}?${new URLSearchParams(query)}`, { headers: as(who) });

describe('GET /users (search)', () => {
  it('lists the workspace’s people newest first, merged people once', async () => {
    const page = await search({ limit: '100' });
    expect(page.status).toBe(200);
    const ids = page.body.data.map((u) => u.id);
    expect(ids).toEqual(
      expect.arrayContaining([ada, `grace-${tag}`, `anon-only-${tag}`, `pager-${tag}-1`]),
    );
    expect(ids).toHaveLength(6);
    expect(ids.filter((id) => id === adaAnon)).toEqual([]);
    const created = page.body.data.map((u) => u.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
    expect(page.body.data.find((u) => u.id === ada)).toMatchObject({
      userId: ada,
      anonymousIds: [adaAnon],
      email: `Ada.Lovelace-${tag}@Example.com`,
      name: 'Ada Lovelace',
    });
  });

  it.each([
    ['a user id by prefix, ignoring case', `ADA-${tag.toUpperCase()}`, [ada]],
    ['an anonymous id by prefix (the person it belongs to)', `anon-ada-${tag}`, [ada]],
    ['an email by substring, ignoring case', `lovelace-${tag}@example`, [ada]],
    ['a name by substring', 'ace hop', [`grace-${tag}`]],
    ['an anonymous-only person', `anon-only-${tag}`, [`anon-only-${tag}`]],
  ])('finds %s', async (_what, term, expected) => {
    const page = await search({ search: term });
    expect(page.body.data.map((u) => u.id)).toEqual(expected);
  });

  it('takes LIKE wildcards literally and finds nothing for them', async () => {
    for (const term of ['%', '_', '\\']) {
      const page = await search({ search: term });
      expect([page.status, page.body.data]).toEqual([200, []]);
    }
  });

  it('pages by keyset cursor without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const answer: { body: UserSearchPage } = await search({
        limit: '2',
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...answer.body.data.map((u) => u.endUserId));
      cursor = answer.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(6);
  });

  it('refuses a cursor it did not make (400, not 500)', async () => {
    const forged = Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url');
    for (const cursor of [forged, 'not-base64-json']) {
      const answer = await call<ErrorBody>(`${ws('/users')}?cursor=${cursor}`, {
        headers: as(owner),
      });
      expect([answer.status, answer.body.code]).toEqual([400, 'validation_failed']);
    }
  });

  it('lets a viewer search, and shows another workspace nothing (404)', async () => {
    expect((await search({ search: 'ada' }, viewer)).body.data.map((u) => u.id)).toEqual([ada]);
    const stranger = await call<ErrorBody>(`${ws('/users')}?search=ada`, { headers: as(other) });
    expect([stranger.status, stranger.body.code]).toEqual([404, 'not_found']);
    const own = await search({ search: 'ada' }, other);
    expect(own.body.data.map((u) => u.id)).toEqual([`ada-other-${tag}`]);
  });
});

describe('GET /users/{userId} (profile)', () => {
  it('answers what the secret-key export answers, by user id or anonymous id', async () => {
    const exported = await call<UserExport>(`${app.url}/api/v1/users/${ada}`, {
      headers: { authorization: `Bearer ${secretKey}` },
    });
    const byUser = await call<UserExport>(ws(`/users/${ada}`), { headers: as(viewer) });
    const byAnon = await call<UserExport>(ws(`/users/${adaAnon}`), { headers: as(owner) });
    expect(byUser.status).toBe(200);
    expect(byUser.body).toEqual(exported.body);
    expect(byAnon.body).toEqual(exported.body);
    expect(byUser.body.traits).toEqual({
      email: `Ada.Lovelace-${tag}@Example.com`,
      name: 'Ada Lovelace',
    });
    expect(Object.keys(byUser.body.traitTimes).sort()).toEqual(['email', 'name']);
  });

  it('answers 404 for nobody, and for another workspace’s member', async () => {
    const nobody = await call<ErrorBody>(ws('/users/nobody-here'), { headers: as(owner) });
    expect([nobody.status, nobody.body.code]).toEqual([404, 'not_found']);
    const stranger = await call<ErrorBody>(ws(`/users/${ada}`), { headers: as(other) });
    expect([stranger.status, stranger.body.code]).toEqual([404, 'not_found']);
  });
});

describe('GET /users/{userId}/events (timeline)', () => {
  it('holds the anonymous history and the identified events, newest first', async () => {
    const answer = await call<EventsExportResponse>(ws(`/users/${ada}/events`), {
      headers: as(viewer),
    });
    expect(answer.status).toBe(200);
    expect(answer.body.data.map((e) => e.name)).toEqual([
      'Project created',
      '$identify',
      'Viewed pricing',
    ]);
    expect(answer.body.nextCursor).toBeNull();
  });

  it('pages by cursor', async () => {
    const first = await call<EventsExportResponse>(`${ws(`/users/${ada}/events`)}?limit=2`, {
      headers: as(owner),
    });
    expect(first.body.data.map((e) => e.name)).toEqual(['Project created', '$identify']);
    const second = await call<EventsExportResponse>(
      `${ws(`/users/${ada}/events`)}?limit=2&cursor=${first.body.nextCursor}`,
      { headers: as(owner) },
    );
    expect([second.body.data.map((e) => e.name), second.body.nextCursor]).toEqual([
      ['Viewed pricing'],
      null,
    ]);
  });

  it('refuses a forged cursor with 400', async () => {
    const forged = Buffer.from(JSON.stringify(['soon', 'x'])).toString('base64url');
    const answer = await call<ErrorBody>(`${ws(`/users/${ada}/events`)}?cursor=${forged}`, {
      headers: as(owner),
    });
    expect([answer.status, answer.body.code]).toEqual([400, 'validation_failed']);
  });
});

describe('the workspace app URL', () => {
  it('is null at first, set and cleared by an owner, and audited', async () => {
    const before = await call<Workspace>(ws(), { headers: as(viewer) });
    expect(before.body.appUrl).toBeNull();
    const set = await call<Workspace>(ws(), {
      method: 'PATCH',
      headers: as(owner),
      body: { appUrl: 'https://app.acme.example/dashboard' },
    });
    expect([set.status, set.body.appUrl]).toEqual([200, 'https://app.acme.example/dashboard']);
    expect((await call<Workspace>(ws(), { headers: as(viewer) })).body.appUrl).toBe(
      'https://app.acme.example/dashboard',
    );
    const audit = await call<AuditPage>(`${ws('/audit')}?action=workspace.updated`, {
      headers: as(owner),
    });
    expect(audit.body.data[0]).toMatchObject({
      before: { appUrl: null },
      after: { appUrl: 'https://app.acme.example/dashboard' },
    });
    const cleared = await call<Workspace>(ws(), {
      method: 'PATCH',
      headers: as(owner),
      body: { appUrl: null, name: 'Renamed' },
    });
    expect([cleared.body.appUrl, cleared.body.name]).toEqual([null, 'Renamed']);
  });

  it('refuses what is not an http(s) URL next to the field, and non-owners', async () => {
    for (const appUrl of ['javascript:alert(1)', 'ftp://files.example', 'not a url']) {
      const answer = await call<ErrorBody>(ws(), {
        method: 'PATCH',
        headers: as(owner),
        body: { appUrl },
      });
      expect([answer.status, answer.body.code]).toEqual([400, 'validation_failed']);
      expect(JSON.stringify(answer.body.details)).toContain('appUrl');
    }
    const byViewer = await call<ErrorBody>(ws(), {
      method: 'PATCH',
      headers: as(viewer),
      body: { appUrl: 'https://x.example' },
    });
    expect(byViewer.status).toBe(403);
  });
});

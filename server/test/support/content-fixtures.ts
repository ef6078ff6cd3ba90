import type {
  ContentDefinitionInput,
  ContentDetail,
  EventsResponse,
  MeResponse,
  SdkUser,
  SessionResponse,
} from '@waymark/shared';
import { randomInt, randomUUID } from 'node:crypto';
import { hashPassword } from '../../src/auth/password';
import { createWorkspace, type TestWorkspace } from './factories';
import { call, type Answer } from './http';
import type { TestApp } from './test-app';

/** A signed-in member: the cookie and CSRF token a browser would hold. */
export interface Member {
  cookie: string;
  csrf: string;
}

/** A workspace with an owner, an editor and a viewer signed in, and its SDK key. */
export interface Tenant extends TestWorkspace {
  owner: Member;
  editor: Member;
  viewer: Member;
}

const ip = (): string => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

async function signIn(app: TestApp, email: string, password: string): Promise<Member> {
  const answer = await call<MeResponse>(`${app.url}/api/auth/login`, {
    headers: { 'x-forwarded-for': ip() },
    body: { email, password },
  });
  if (answer.status !== 200) throw new Error(`login failed: ${JSON.stringify(answer.body)}`);
  const cookie = (answer.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrf: answer.body.csrfToken };
}

async function addMember(
  app: TestApp,
  workspaceId: string,
  role: 'editor' | 'viewer',
): Promise<Member> {
  const email = `${role}-${randomUUID()}@example.test`;
  const accountId = randomUUID();
  await app.db.query('INSERT INTO accounts (id, email, password_hash) VALUES ($1, $2, $3)', [
    accountId,
    email,
    await hashPassword('a long test password'),
  ]);
  await app.db.query(
    'INSERT INTO memberships (workspace_id, account_id, role) VALUES ($1, $2, $3)',
    [workspaceId, accountId, role],
  );
  return signIn(app, email, 'a long test password');
}

export async function createTenant(app: TestApp): Promise<Tenant> {
  const ws = await createWorkspace(app.db);
  const [owner, editor, viewer] = await Promise.all([
    signIn(app, ws.email, ws.password),
    addMember(app, ws.workspaceId, 'editor'),
    addMember(app, ws.workspaceId, 'viewer'),
  ]);
  return { ...ws, owner, editor, viewer };
}

/** Builder API calls as one member, under `/api/workspaces/:id`. */
export function builderApi(app: TestApp, tenant: Tenant, member: Member = tenant.editor) {
  const base = `${app.url}/api/workspaces/${tenant.workspaceId}`;
  const headers = { cookie: member.cookie, 'x-csrf-token': member.csrf };
  return {
    get: <T = unknown>(path: string): Promise<Answer<T>> => call<T>(`${base}${path}`, { headers }),
    post: <T = unknown>(path: string, body?: unknown): Promise<Answer<T>> =>
      call<T>(`${base}${path}`, {
        method: 'POST',
        headers,
        ...(body === undefined ? {} : { body }),
      }),
    patch: <T = unknown>(path: string, body: unknown): Promise<Answer<T>> =>
      call<T>(`${base}${path}`, { method: 'PATCH', headers, body }),
    del: <T = unknown>(path: string): Promise<Answer<T>> =>
      call<T>(`${base}${path}`, { method: 'DELETE', headers }),
  };
}

/** A one-step modal flow whose heading says `heading`. */
export const modalFlow = (
  heading: string,
  extra: Partial<ContentDefinitionInput> = {},
): ContentDefinitionInput =>
  ({
    kind: 'flow',
    steps: [
      { id: 'one', type: 'modal', blocks: [{ type: 'heading', text: heading }] },
      { id: 'two', type: 'modal', blocks: [{ type: 'heading', text: `${heading} 2` }] },
    ],
    ...extra,
  }) as ContentDefinitionInput;

/** Creates and publishes an item through the API; returns it as published. */
export async function publishedItem(
  app: TestApp,
  tenant: Tenant,
  body: {
    name?: string;
    definition?: ContentDefinitionInput;
    delivery?: unknown;
    themeId?: string;
  },
): Promise<ContentDetail> {
  const api = builderApi(app, tenant);
  const created = await api.post<ContentDetail>('/content', {
    name: body.name ?? 'Item',
    definition: body.definition ?? modalFlow(body.name ?? 'Item'),
    ...(body.delivery === undefined ? {} : { delivery: body.delivery }),
    ...(body.themeId === undefined ? {} : { themeId: body.themeId }),
  });
  if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
  const published = await api.post<ContentDetail>(`/content/${created.body.id}/publish`);
  if (published.status !== 200)
    throw new Error(`publish failed: ${JSON.stringify(published.body)}`);
  return published.body;
}

/** An item with two published versions, A (v1) and B (v2), shown every time: for experiments. */
export async function twoVersions(
  app: TestApp,
  tenant: Tenant,
  name: string,
): Promise<{ item: ContentDetail; a: string; b: string }> {
  const api = builderApi(app, tenant);
  const item = await publishedItem(app, tenant, {
    name,
    delivery: { frequency: { type: 'unlimited' } },
  });
  await api.patch(`/content/${item.id}`, { definition: modalFlow(`${name} B`) });
  const b = (await api.post<ContentDetail>(`/content/${item.id}/publish`)).body.publishedVersionId!;
  return { item, a: item.publishedVersionId!, b };
}

export interface SessionExtras {
  traits?: Record<string, unknown>;
  context?: Record<string, unknown>;
  userHash?: string;
}

export function sdkSession(
  app: TestApp,
  sdkKey: string,
  user: SdkUser,
  extras: SessionExtras = {},
): Promise<Answer<SessionResponse>> {
  return call<SessionResponse>(`${app.url}/sdk/v1/session`, {
    headers: { 'x-waymark-key': sdkKey },
    body: {
      user,
      traits: extras.traits ?? {},
      context: { url: 'https://app.example.com/dashboard', ...extras.context },
      ...(extras.userHash ? { userHash: extras.userHash } : {}),
    },
  });
}

export function sdkEvents(
  app: TestApp,
  sdkKey: string,
  user: SdkUser,
  events: unknown[],
  extras: Record<string, unknown> = {},
): Promise<Answer<EventsResponse>> {
  return call<EventsResponse>(`${app.url}/sdk/v1/events`, {
    headers: { 'x-waymark-key': sdkKey },
    body: { user, sentAt: new Date().toISOString(), events, ...extras },
  });
}

/** A content event as the widget sends it. */
export const contentEvent = (
  action: 'shown' | 'step_viewed' | 'completed' | 'dismissed',
  item: { id: string; publishedVersionId: string | null },
  stepId?: string,
) => ({
  type: 'content',
  action,
  contentId: item.id,
  versionId: item.publishedVersionId,
  messageId: randomUUID(),
  timestamp: new Date().toISOString(),
  properties: {},
  ...(stepId ? { stepId } : {}),
});

export const anonymous = (): SdkUser => ({ anonymousId: `anon-${randomUUID()}` });

/** Ids of the content a session answered. */
export const idsOf = (answer: Answer<SessionResponse>): string[] =>
  answer.body.content.map((c) => c.id);

/**
 * An item whose schedule opens 5 s from now: far enough ahead that publishing and a couple of
 * sessions end before it on a loaded machine (at 1.5 s a CI run once reached the start early).
 * `untilOpen()` resolves just after the start has passed.
 */
export async function openingSoon(
  app: TestApp,
  tenant: Tenant,
): Promise<{ item: ContentDetail; untilOpen: () => Promise<void> }> {
  const opensAt = Date.now() + 5000;
  const item = await publishedItem(app, tenant, {
    name: 'Opens soon',
    delivery: { schedule: { start: new Date(opensAt).toISOString() } },
  });
  const untilOpen = () =>
    new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, opensAt - Date.now() + 20)));
  return { item, untilOpen };
}

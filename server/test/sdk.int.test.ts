import type {
  ErrorBody,
  EventsExportResponse,
  EventsResponse,
  SessionResponse,
} from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import { createWorkspace, publishContent, type TestWorkspace } from './support/factories';
import { call } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  app = await startTestApp();
  ws = await createWorkspace(app.db);
});
afterAll(() => app.close());

const context = { url: 'https://app.example.com/dashboard' };
const now = (): string => new Date().toISOString();
const track = (event: string, messageId = randomUUID()) => ({
  type: 'track',
  event,
  messageId,
  timestamp: now(),
  properties: {},
});

const session = (key: string, anonymousId: string) =>
  call<SessionResponse>(`${app.url}/sdk/v1/session`, {
    headers: { 'x-waymark-key': key },
    body: { user: { anonymousId }, context },
  });

const send = (key: string, anonymousId: string, events: unknown[], sentAt = now()) =>
  call<EventsResponse>(`${app.url}/sdk/v1/events`, {
    headers: { 'x-waymark-key': key },
    body: { user: { anonymousId }, sentAt, events },
  });

const exportEvents = (secret: string, query: string) =>
  call<EventsExportResponse>(`${app.url}/api/v1/events?${query}`, {
    headers: { authorization: `Bearer ${secret}` },
  });

describe('POST /sdk/v1/session', () => {
  it('refuses a missing or unknown SDK key', async () => {
    const none = await call<ErrorBody>(`${app.url}/sdk/v1/session`, {
      body: { user: { anonymousId: 'x' }, context },
    });
    expect([none.status, none.body.code]).toEqual([401, 'invalid_key']);
    expect((await session('wm_pk_nope', 'x')).status).toBe(401);
  });

  it('answers the published content with its exact version, and nothing of other workspaces', async () => {
    const { contentId, versionId } = await publishContent(app.db, ws.workspaceId, {
      name: 'Welcome',
    });
    const other = await createWorkspace(app.db);
    await publishContent(app.db, other.workspaceId, { name: 'Elsewhere' });
    const answer = await session(ws.sdkKey, 'anon-session');
    expect(answer.status).toBe(200);
    expect(answer.body.content.map((c) => [c.id, c.versionId, c.name])).toContainEqual([
      contentId,
      versionId,
      'Welcome',
    ]);
    expect(answer.body.content.map((c) => c.name)).not.toContain('Elsewhere');
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('stops offering content the user completed', async () => {
    const { contentId, versionId } = await publishContent(app.db, ws.workspaceId, { name: 'Once' });
    const anonymousId = `anon-${randomUUID()}`;
    expect((await session(ws.sdkKey, anonymousId)).body.content.map((c) => c.id)).toContain(
      contentId,
    );
    await send(ws.sdkKey, anonymousId, [
      {
        type: 'content',
        action: 'completed',
        contentId,
        versionId,
        messageId: randomUUID(),
        timestamp: now(),
        properties: {},
      },
    ]);
    expect((await session(ws.sdkKey, anonymousId)).body.content.map((c) => c.id)).not.toContain(
      contentId,
    );
  });
});

describe('POST /sdk/v1/events', () => {
  it('stores valid events, rejects a malformed one alone, and says which and why', async () => {
    const anonymousId = `anon-${randomUUID()}`;
    const answer = await send(ws.sdkKey, anonymousId, [
      track('First'),
      { type: 'track', event: 42 },
      track('Second'),
    ]);
    expect(answer.status).toBe(200);
    expect(answer.body.accepted).toBe(2);
    expect(answer.body.rejected).toEqual([
      expect.objectContaining({
        index: 1,
        issues: expect.arrayContaining([expect.objectContaining({ path: 'event' })]),
      }),
    ]);
    const stored = await exportEvents(ws.secretKey, `anonymousId=${anonymousId}`);
    expect(stored.body.data.map((e) => e.name).sort()).toEqual(['First', 'Second']);
  });

  it('never duplicates a retried messageId', async () => {
    const anonymousId = `anon-${randomUUID()}`;
    const event = track('Retried');
    await send(ws.sdkKey, anonymousId, [event]);
    await send(ws.sdkKey, anonymousId, [event]);
    const stored = await exportEvents(ws.secretKey, `anonymousId=${anonymousId}`);
    expect(stored.body.data).toHaveLength(1);
  });

  it('moves client timestamps onto the server clock using sentAt', async () => {
    const anonymousId = `anon-${randomUUID()}`;
    const hourAhead = (offsetMs: number) =>
      new Date(Date.now() + 3_600_000 + offsetMs).toISOString();
    // The device clock is an hour fast; the event happened 10 s before it was sent.
    const event = { ...track('Skewed'), timestamp: hourAhead(-10_000) };
    await send(ws.sdkKey, anonymousId, [event], hourAhead(0));
    const [stored] = (await exportEvents(ws.secretKey, `anonymousId=${anonymousId}`)).body.data;
    const lag = Date.parse(stored!.receivedAt) - Date.parse(stored!.timestamp);
    expect(lag).toBeGreaterThan(9_000);
    expect(lag).toBeLessThan(11_000);
  });

  it('accepts JSON sent as text/plain with the key in the query, as sendBeacon does', async () => {
    const anonymousId = `anon-${randomUUID()}`;
    const answer = await call<EventsResponse>(`${app.url}/sdk/v1/events?key=${ws.sdkKey}`, {
      method: 'POST',
      raw: JSON.stringify({ user: { anonymousId }, sentAt: now(), events: [track('Beacon')] }),
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
    });
    expect(answer.body.accepted).toBe(1);
  });
});

describe('GET /api/v1/events (export)', () => {
  it('pages newest first by cursor without gaps or repeats', async () => {
    const anonymousId = `anon-${randomUUID()}`;
    await send(
      ws.sdkKey,
      anonymousId,
      Array.from({ length: 5 }, (_, i) => track(`E${i}`)),
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: EventsExportResponse = (
        await exportEvents(
          ws.secretKey,
          `anonymousId=${anonymousId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).body;
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((e) => e.messageId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(5);
  });

  it('shows a workspace only its own events and refuses a bad cursor with 400', async () => {
    const anonymousId = `anon-${randomUUID()}`;
    await send(ws.sdkKey, anonymousId, [track('Private')]);
    const other = await createWorkspace(app.db);
    expect((await exportEvents(other.secretKey, `anonymousId=${anonymousId}`)).body.data).toEqual(
      [],
    );
    const bad = await call<ErrorBody>(`${app.url}/api/v1/events?cursor=zzz`, {
      headers: { authorization: `Bearer ${ws.secretKey}` },
    });
    expect([bad.status, bad.body.code]).toEqual([400, 'validation_failed']);
    expect((await call(`${app.url}/api/v1/events`)).status).toBe(401);
  });
});

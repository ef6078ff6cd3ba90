import { SessionResponseSchema, type ContentDetail, type ErrorBody } from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import { ConfigCache } from '../src/sdk/config.cache';
import { userHashOf } from '../src/workspaces/identity-hash';
import { startLoggedApp, type LoggedTestApp } from './support/builder-session';
import {
  anonymous,
  builderApi,
  createTenant,
  idsOf,
  modalFlow,
  publishedItem,
  sdkEvents,
  sdkSession,
  type Tenant,
} from './support/content-fixtures';
import { eventually } from './support/eventually';
import { call } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

// Boots a whole app per file; the machine may be busy.

let app: TestApp;
let t: Tenant;
beforeAll(async () => {
  app = await startTestApp();
  t = await createTenant(app);
});
afterAll(() => app.close());

/** Polls until `check` holds; answers how long it took (ms), or throws after `limit`. */
describe('POST /sdk/v1/session', () => {
  it('answers the resolved content, empty feature tags, the locale and a stable etag', async () => {
    const item = await publishedItem(app, t, {
      name: 'Shape',
      delivery: { triggers: [{ type: 'url', pattern: '/projects/*' }], priority: 7 },
    });
    const user = anonymous();
    const first = await sdkSession(app, t.sdkKey, user, { context: { locale: 'en-GB' } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ holdouts: [], featureTags: [], locale: 'en-GB' });
    expect(first.body.content.find((c) => c.id === item.id)).toEqual({
      id: item.id,
      versionId: item.publishedVersionId,
      kind: 'flow',
      name: 'Shape',
      priority: 7,
      definition: expect.objectContaining({ kind: 'flow' }),
      triggers: [{ type: 'url', pattern: '/projects/*' }],
      progress: null,
    });
    expect(first.headers.get('etag')).toBe(`"${first.body.etag}"`);
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    expect(SessionResponseSchema.parse(first.body)).toEqual(first.body);
    const again = await sdkSession(app, t.sdkKey, user, { context: { locale: 'en-GB' } });
    expect(again.body.etag).toBe(first.body.etag);
    await builderApi(app, t).patch(`/content/${item.id}`, { delivery: { priority: 8 } });
    expect(
      (await sdkSession(app, t.sdkKey, user, { context: { locale: 'en-GB' } })).body.etag,
    ).not.toBe(first.body.etag);
  });

  it('refuses unverified user ids when the workspace requires verification (401)', async () => {
    const tenant = await createTenant(app);
    await publishedItem(app, tenant, { name: 'Verified only' });
    const secret = `wm_is_${randomUUID()}`;
    await app.db.query(
      `UPDATE workspaces SET identity_secret = $2, require_identity_verification = true WHERE id = $1`,
      [tenant.workspaceId, secret],
    );
    const user = { anonymousId: `anon-${randomUUID()}`, userId: 'alice' };
    const none = await sdkSession(app, tenant.sdkKey, user);
    expect([none.status, (none.body as unknown as ErrorBody).code]).toEqual([
      401,
      'identity_unverified',
    ]);
    const forged = await sdkSession(app, tenant.sdkKey, user, {
      userHash: userHashOf(secret, 'mallory'),
    });
    expect(forged.status).toBe(401);
    const events = await sdkEvents(app, tenant.sdkKey, user, [
      {
        type: 'track',
        event: 'X',
        messageId: randomUUID(),
        timestamp: new Date().toISOString(),
        properties: {},
      },
    ]);
    expect(events.status).toBe(401);
    const verified = await sdkSession(app, tenant.sdkKey, user, {
      userHash: userHashOf(secret, 'alice'),
    });
    expect(verified.status).toBe(200);
    expect(verified.body.content).toHaveLength(1);
    expect((await sdkSession(app, tenant.sdkKey, anonymous())).status).toBe(200);
  });
});

describe('published configuration cache across instances', () => {
  let b: LoggedTestApp;
  beforeAll(async () => {
    b = await startLoggedApp();
  });
  afterAll(() => b.close());

  it('serves from memory and changes on another instance without a restart', async () => {
    const tenant = await createTenant(app);
    const item = await publishedItem(app, tenant, { name: 'Cached' });
    const user = anonymous();
    const onB = () => sdkSession({ url: b.url, db: b.db, close: b.close }, tenant.sdkKey, user);
    expect(idsOf(await onB())).toEqual([item.id]);
    const cache = b.app.get(ConfigCache);
    expect(cache.isListening).toBe(true);
    expect(cache.get(tenant.workspaceId)).toBe(cache.get(tenant.workspaceId));

    // A write that tells nobody (triggers off for this session): B keeps serving its memory.
    const runner = app.db.createQueryRunner();
    await runner.query(`SET session_replication_role = replica`);
    await runner.query(`UPDATE content SET name = 'Silently renamed' WHERE id = $1`, [item.id]);
    await runner.query(`SET session_replication_role = DEFAULT`);
    await runner.release();
    expect((await onB()).body.content[0]!.name).toBe('Cached');

    // Publishing through instance A reaches B through LISTEN/NOTIFY.
    const api = builderApi(app, tenant);
    await api.patch(`/content/${item.id}`, { definition: modalFlow('New copy') });
    const published = await api.post<ContentDetail>(`/content/${item.id}/publish`);
    const took = await eventually(async () => {
      const served = (await onB()).body.content[0];
      return served?.versionId === published.body.publishedVersionId;
    });
    expect(took).toBeLessThan(1000);
    expect((await onB()).body.content[0]!.name).toBe('Silently renamed');

    // A new item published on A appears on B too; unpublishing removes it.
    const second = await publishedItem(app, tenant, { name: 'Second' });
    await eventually(async () => idsOf(await onB()).includes(second.id));
    await api.post(`/content/${second.id}/unpublish`);
    await eventually(async () => !idsOf(await onB()).includes(second.id));
  });
});

describe('CORS and keys', () => {
  it('keeps /sdk open to any origin and refuses a bad key on progress', async () => {
    const preflight = await fetch(`${app.url}/sdk/v1/progress`, {
      method: 'OPTIONS',
      headers: { origin: 'https://customer.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    // The widget revalidates its session with If-None-Match, so browsers must be allowed to send it.
    expect(preflight.headers.get('access-control-allow-headers')).toContain('if-none-match');
    const refused = await call<ErrorBody>(`${app.url}/sdk/v1/progress`, {
      headers: { 'x-waymark-key': 'wm_pk_wrong' },
      body: { user: anonymous(), updates: [] },
    });
    expect(refused.status).toBe(401);
  });
});

import type {
  Environment,
  EnvironmentList,
  ErrorBody,
  SdkUser,
  SessionResponse,
  WorkspaceUpdate,
} from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import { ConfigChanges } from '../src/content/config-changes';
import { TraitsSaver } from '../src/sdk/traits.saver';
import { userHashOf } from '../src/workspaces/identity-hash';
import { startTwoApps, type LoggedTestApp } from './support/builder-session';
import {
  anonymous,
  builderApi,
  contentEvent,
  createTenant,
  idsOf,
  openingSoon,
  publishedItem,
  sdkEvents,
  sdkSession,
  type Tenant,
} from './support/content-fixtures';
import { eventually } from './support/eventually';
import { call } from './support/http';

// Two instances of the app on one database, as behind a load balancer: what one changes, the
// other's in-memory caches (keys, identity settings, progress) must not keep serving.

let a: LoggedTestApp;
let b: LoggedTestApp;
let t: Tenant;
beforeAll(async () => {
  [a, b] = await startTwoApps();
  t = await createTenant(a);
  for (const app of [a, b]) {
    const changes = app.app.get(ConfigChanges);
    await eventually(() => Promise.resolve(changes.isListening));
  }
});
afterAll(() => Promise.all([a?.close(), b?.close()]));

/** The tenant's production environment. */
const productionOf = async (tenant: Tenant): Promise<Environment> => {
  const list = await builderApi(a, tenant, tenant.owner).get<EnvironmentList>('/environments');
  return list.body.data.find((e) => e.name === 'production')!;
};

describe('SDK key cache', () => {
  it('refuses a rotated key on the next request, on the rotating instance and on another', async () => {
    const tenant = await createTenant(a);
    const user = anonymous();
    // Both instances have the key in memory.
    for (const app of [a, b]) expect((await sdkSession(app, tenant.sdkKey, user)).status).toBe(200);
    const environment = await productionOf(tenant);
    const rotated = await builderApi(a, tenant, tenant.owner).post<Environment>(
      `/environments/${environment.id}/rotate-sdk-key`,
    );
    expect(rotated.status).toBe(200);
    const refusedOnA = await sdkSession(a, tenant.sdkKey, user);
    expect([refusedOnA.status, (refusedOnA.body as unknown as ErrorBody).code]).toEqual([
      401,
      'invalid_key',
    ]);
    // B hears of it through NOTIFY, sent at commit, before A even answered the rotation.
    expect((await sdkSession(b, tenant.sdkKey, user)).status).toBe(401);
    for (const app of [a, b]) {
      expect((await sdkSession(app, rotated.body.sdkKey, user)).status).toBe(200);
    }
  });

  it('forgets a key rotated by SQL behind the app’s back (the trigger tells every instance)', async () => {
    const tenant = await createTenant(a);
    const user = anonymous();
    expect((await sdkSession(b, tenant.sdkKey, user)).status).toBe(200);
    await a.db.query(`UPDATE environments SET sdk_key = $2 WHERE workspace_id = $1`, [
      tenant.workspaceId,
      `wm_pk_${randomUUID()}`,
    ]);
    await eventually(async () => (await sdkSession(b, tenant.sdkKey, user)).status === 401, 1000);
  });

  it('applies a change of identity verification on every instance', async () => {
    const tenant = await createTenant(a);
    const user = { anonymousId: `anon-${randomUUID()}`, userId: 'alice' };
    for (const app of [a, b]) expect((await sdkSession(app, tenant.sdkKey, user)).status).toBe(200);
    const change: WorkspaceUpdate = { requireIdentityVerification: true };
    const updated = await call(`${a.url}/api/workspaces/${tenant.workspaceId}`, {
      method: 'PATCH',
      headers: { cookie: tenant.owner.cookie, 'x-csrf-token': tenant.owner.csrf },
      body: change,
    });
    expect(updated.status).toBe(200);
    expect((await sdkSession(a, tenant.sdkKey, user)).status).toBe(401);
    // B learns of it by NOTIFY, a moment after A's answer.
    await eventually(async () => (await sdkSession(b, tenant.sdkKey, user)).status === 401);
    const [{ identity_secret: secret }] = (await a.db.query(
      'SELECT identity_secret FROM workspaces WHERE id = $1',
      [tenant.workspaceId],
    )) as [{ identity_secret: string }];
    const verified = await sdkSession(b, tenant.sdkKey, user, {
      userHash: userHashOf(secret, 'alice'),
    });
    expect(verified.status).toBe(200);
  });
});

describe('progress cache', () => {
  it('serves progress written through another instance', async () => {
    const item = await publishedItem(a, t, { name: 'Resumable' });
    const user = anonymous();
    expect(idsOf(await sdkSession(b, t.sdkKey, user))).toContain(item.id);
    // Remembered on B as "no progress"; then A stores a step.
    expect((await sdkSession(b, t.sdkKey, user)).body.content[0]!.progress).toBeNull();
    await sdkEvents(a, t.sdkKey, user, [contentEvent('step_viewed', item, 'two')]);
    const took = await eventually(async () => {
      const served = (await sdkSession(b, t.sdkKey, user)).body.content;
      return served.find((c) => c.id === item.id)?.progress?.stepId === 'two';
    });
    expect(took).toBeLessThan(1000);
    // Completing it on A removes it on B (frequency "once").
    await sdkEvents(a, t.sdkKey, user, [contentEvent('completed', item)]);
    await eventually(async () => !idsOf(await sdkSession(b, t.sdkKey, user)).includes(item.id));
  });
});

describe('If-None-Match', () => {
  it('answers 304 with no body while the answer is the same, 200 once it changes', async () => {
    const tenant = await createTenant(a);
    const item = await publishedItem(a, tenant, { name: 'Etagged' });
    const user = anonymous();
    const first = await sdkSession(a, tenant.sdkKey, user);
    const etag = first.headers.get('etag')!;
    expect(etag).toBe(`"${first.body.etag}"`);
    const conditional = (value: string) =>
      fetch(`${a.url}/sdk/v1/session`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-waymark-key': tenant.sdkKey,
          'if-none-match': value,
        },
        body: JSON.stringify({ user, context: { url: 'https://app.example.com/dashboard' } }),
      });
    const same = await conditional(etag);
    expect(same.status).toBe(304);
    expect(await same.text()).toBe('');
    expect(same.headers.get('etag')).toBe(etag);
    expect((await conditional(`W/${etag}, "other"`)).status).toBe(304);
    expect((await conditional('"other"')).status).toBe(200);
    // Progress changes the answer: the old etag no longer matches.
    await sdkEvents(a, tenant.sdkKey, user, [contentEvent('step_viewed', item, 'two')]);
    const changed = await conditional(etag);
    expect(changed.status).toBe(200);
    const body = (await changed.json()) as { etag: string };
    expect(`"${body.etag}"`).not.toBe(etag);
  });

  // The widget's returning page load (fetchSession): the same request, `If-None-Match` with the
  // quoted etag of the answer it kept. The answer is checked against the current state before
  // the tags are compared, remembered requests included (session.memo.ts).
  const revalidate = (tenant: Tenant, user: SdkUser, etag: string) =>
    call<SessionResponse | null>(`${a.url}/sdk/v1/session`, {
      headers: { 'x-waymark-key': tenant.sdkKey, 'if-none-match': `"${etag}"` },
      body: { user, traits: {}, context: { url: 'https://app.example.com/dashboard' } },
    });

  it('never answers 304 once a publish changed the answer', async () => {
    const tenant = await createTenant(a);
    const user = anonymous();
    const first = await sdkSession(a, tenant.sdkKey, user);
    expect((await revalidate(tenant, user, first.body.etag)).status).toBe(304);
    const item = await publishedItem(a, tenant, { name: 'Just published' });
    // Another user's session loads the new configuration first, so the memo's entry is checked
    // against a configuration in memory, not merely missing from it.
    expect(idsOf(await sdkSession(a, tenant.sdkKey, anonymous()))).toEqual([item.id]);
    const changed = await revalidate(tenant, user, first.body.etag);
    expect(changed.status).toBe(200);
    expect(changed.body?.content.map((c) => c.id)).toEqual([item.id]);
    expect(changed.body?.etag).not.toBe(first.body.etag);
    // Unpublished again: the answer is the first one, and its etag names it again.
    await builderApi(a, tenant).post(`/content/${item.id}/unpublish`);
    const back = await revalidate(tenant, user, changed.body!.etag);
    expect([back.status, back.body?.etag]).toEqual([200, first.body.etag]);
  });

  it('never answers 304 once a schedule has opened', async () => {
    const tenant = await createTenant(a);
    const { item, untilOpen } = await openingSoon(a, tenant);
    const user = anonymous();
    const first = await sdkSession(a, tenant.sdkKey, user);
    expect(idsOf(first)).not.toContain(item.id);
    expect((await revalidate(tenant, user, first.body.etag)).status).toBe(304);
    await untilOpen();
    const opened = await revalidate(tenant, user, first.body.etag);
    expect(opened.status).toBe(200);
    expect(opened.body?.content.map((c) => c.id)).toEqual([item.id]);
  });

  it('does not take the etag as proof of anything: a bad key is still refused', async () => {
    const answer = await fetch(`${a.url}/sdk/v1/session`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-waymark-key': 'wm_pk_nope',
        'if-none-match': '*',
      },
      body: JSON.stringify({ user: anonymous(), context: { url: 'https://app.example.com/' } }),
    });
    expect(answer.status).toBe(401);
  });
});

describe('session traits', () => {
  const storedTraits = async (tenant: Tenant, userId: string) => {
    const rows = (await a.db.query(
      `SELECT e.traits FROM identities i JOIN end_users e
          ON e.workspace_id = i.workspace_id AND e.id = i.end_user_id
        WHERE i.workspace_id = $1 AND i.kind = 'user' AND i.external_id = $2`,
      [tenant.workspaceId, userId],
    )) as Array<{ traits: Record<string, unknown> }>;
    return rows[0]?.traits ?? null;
  };
  const identifies = async (tenant: Tenant, userId: string): Promise<number> => {
    const [{ n }] = (await a.db.query(
      `SELECT count(*)::int AS n FROM events WHERE workspace_id = $1 AND user_id = $2 AND name = '$identify'`,
      [tenant.workspaceId, userId],
    )) as [{ n: number }];
    return n;
  };

  it('stores them in the identity store once, and again only when they change', async () => {
    const tenant = await createTenant(a);
    const user = { anonymousId: `anon-${randomUUID()}`, userId: `user-${randomUUID()}` };
    const saver = a.app.get(TraitsSaver);
    const traits = { plan: 'pro', seats: 5, flags: { beta: true } };
    expect((await sdkSession(a, tenant.sdkKey, user, { traits })).status).toBe(200);
    await saver.flush();
    await eventually(async () => (await storedTraits(tenant, user.userId)) !== null);
    expect(await storedTraits(tenant, user.userId)).toMatchObject(traits);
    expect(await identifies(tenant, user.userId)).toBe(1);

    // The same traits again (in another key order too): nothing written.
    await sdkSession(a, tenant.sdkKey, user, { traits });
    await sdkSession(a, tenant.sdkKey, user, {
      traits: { seats: 5, flags: { beta: true }, plan: 'pro' },
    });
    await saver.flush();
    expect(await identifies(tenant, user.userId)).toBe(1);

    // Another instance that never saw the user compares with the store: still nothing.
    await sdkSession(b, tenant.sdkKey, user, { traits });
    await b.app.get(TraitsSaver).flush();
    expect(await identifies(tenant, user.userId)).toBe(1);

    // A change is written, merged per key.
    await sdkSession(a, tenant.sdkKey, user, { traits: { plan: 'enterprise' } });
    await saver.flush();
    expect(await storedTraits(tenant, user.userId)).toMatchObject({ plan: 'enterprise', seats: 5 });
    expect(await identifies(tenant, user.userId)).toBe(2);
  });
});

describe('installation detection', () => {
  it('stamps sdkLastSeenAt when an SDK request with the environment’s key arrives', async () => {
    const tenant = await createTenant(a);
    const before = await productionOf(tenant);
    expect(before.sdkLastSeenAt).toBeNull();
    const sent = Date.now();
    await sdkSession(b, tenant.sdkKey, anonymous());
    await eventually(async () => (await productionOf(tenant)).sdkLastSeenAt !== null);
    const seen = Date.parse((await productionOf(tenant)).sdkLastSeenAt!);
    expect(Math.abs(seen - sent)).toBeLessThan(5000);
    // Throttled: another request within the minute does not move it.
    await sdkSession(a, tenant.sdkKey, anonymous());
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(Date.parse((await productionOf(tenant)).sdkLastSeenAt!)).toBe(seen);
  });
});

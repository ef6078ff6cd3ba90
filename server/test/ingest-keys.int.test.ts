import type { EnvironmentList, EnvironmentWithSecret, ErrorBody } from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { ConfigChanges } from '../src/content/config-changes';
import { startLoggedApp, type LoggedTestApp } from './support/builder-session';
import { builderApi, createTenant, type Tenant } from './support/content-fixtures';
import { call } from './support/http';

// The write-key cache of the Segment API, on two instances of the app sharing one database: a
// rotated secret key must stop working at once on both (NOTIFY `waymark_keys`), not after a TTL,
// and on the rotating instance even before its own NOTIFY comes back.

let a: LoggedTestApp;
let b: LoggedTestApp;
beforeAll(async () => {
  // One after the other: two apps migrating a fresh database at once would race.
  a = await startLoggedApp();
  b = await startLoggedApp();
  for (const app of [a, b]) {
    const changes = app.app.get(ConfigChanges);
    await eventually(() => Promise.resolve(changes.isListening));
  }
});
afterAll(() => Promise.all([a.close(), b.close()]));

async function eventually(check: () => Promise<boolean>, limit = 3000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > limit) throw new Error(`not within ${limit} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const batch = (app: LoggedTestApp, key: string) =>
  call<ErrorBody>(`${app.url}/v1/batch`, {
    headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` },
    body: {
      batch: [
        {
          type: 'track',
          event: 'Key check',
          messageId: randomUUID(),
          anonymousId: `anon-${randomUUID()}`,
          timestamp: new Date().toISOString(),
        },
      ],
    },
  });

/**
 * Holds back the NOTIFY deliveries of an instance's change listener, as a slow link would:
 * PostgreSQL hands a session in a transaction its notifications only once the transaction ends.
 * Returns the release.
 */
async function holdNotifications(app: LoggedTestApp): Promise<() => Promise<void>> {
  // The listener's own connection (private to ConfigChanges): there is no other way to slow it.
  const client: Client | null = app.app.get(ConfigChanges)['client'];
  if (!client) throw new Error('the change listener is not connected');
  await client.query('BEGIN');
  return async () => {
    await client.query('COMMIT');
  };
}

async function rotate(tenant: Tenant): Promise<string> {
  const api = builderApi(a, tenant, tenant.owner);
  const list = await api.get<EnvironmentList>('/environments');
  const production = list.body.data.find((e) => e.name === 'production')!;
  const rotated = await api.post<EnvironmentWithSecret>(
    `/environments/${production.id}/rotate-secret-key`,
  );
  expect(rotated.status).toBe(200);
  return rotated.body.secretKey;
}

describe('write key cache', () => {
  it('refuses a rotated secret key on the next call, on the rotating instance and on another', async () => {
    const tenant = await createTenant(a);
    const first = await rotate(tenant);
    // Both instances hold the key in memory (a second call is answered from the cache).
    for (const app of [a, b]) {
      expect((await batch(app, first)).status).toBe(200);
      expect((await batch(app, first)).status).toBe(200);
    }
    const second = await rotate(tenant);
    for (const app of [a, b]) {
      const refused = await batch(app, first);
      expect([refused.status, refused.body.code]).toEqual([401, 'invalid_key']);
      expect((await batch(app, second)).status).toBe(200);
    }
  });

  it('refuses a key it rotated itself at once, before its own NOTIFY comes back', async () => {
    const rotating = await createTenant(a);
    const bySql = await createTenant(a);
    const first = await rotate(rotating);
    for (const key of [first, bySql.secretKey]) {
      expect((await batch(a, key)).status).toBe(200); // now cached
    }
    const release = await holdNotifications(a);
    try {
      await a.db.query(`UPDATE environments SET secret_key_hash = $2 WHERE workspace_id = $1`, [
        bySql.workspaceId,
        randomUUID(),
      ]);
      const second = await rotate(rotating);
      // Nothing reaches `a` by NOTIFY now: a change made by someone else is still unknown to it…
      expect((await batch(a, bySql.secretKey)).status).toBe(200);
      // …while its own rotation dropped the old key from its cache as the rotation committed.
      const refused = await batch(a, first);
      expect([refused.status, refused.body.code]).toEqual([401, 'invalid_key']);
      expect((await batch(a, second)).status).toBe(200);
    } finally {
      await release();
    }
    await eventually(async () => (await batch(a, bySql.secretKey)).status === 401, 1000);
  });

  it('forgets a key changed by SQL behind the app’s back (the trigger tells every instance)', async () => {
    const tenant = await createTenant(a);
    for (const app of [a, b]) expect((await batch(app, tenant.secretKey)).status).toBe(200);
    await a.db.query(`UPDATE environments SET secret_key_hash = $2 WHERE workspace_id = $1`, [
      tenant.workspaceId,
      randomUUID(),
    ]);
    // NOTIFY is asynchronous to this SQL client: allow it to travel, far below the old 30 s.
    for (const app of [a, b]) {
      await eventually(async () => (await batch(app, tenant.secretKey)).status === 401, 1000);
    }
  });
});

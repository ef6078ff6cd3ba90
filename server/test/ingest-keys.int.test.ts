import type { EnvironmentList, EnvironmentWithSecret, ErrorBody } from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import { ConfigChanges } from '../src/content/config-changes';
import { startLoggedApp, type LoggedTestApp } from './support/builder-session';
import { builderApi, createTenant, type Tenant } from './support/content-fixtures';
import { call } from './support/http';

// The write-key cache of the Segment API, on two instances of the app sharing one database: a
// rotated secret key must stop working at once on both (NOTIFY `waymark_keys`), not after a TTL.

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

import { Analytics } from '@segment/analytics-node';
import { randomUUID } from 'node:crypto';
import { createWorkspace, type TestWorkspace } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  app = await startTestApp();
  ws = await createWorkspace(app.db);
});
afterAll(() => app.close());

const client = () =>
  new Analytics({
    writeKey: ws.secretKey,
    host: app.url,
    flushAt: 20,
    flushInterval: 50,
    maxRetries: 2,
  });

describe('@segment/analytics-node pointed at Waymark, unchanged', () => {
  it('delivers track, identify, page, screen, group and alias as the client sent them', async () => {
    const analytics = client();
    const errors: unknown[] = [];
    analytics.on('error', (error) => errors.push(error));
    const userId = `user-${randomUUID()}`;
    const anonymousId = `anon-${randomUUID()}`;
    analytics.track({ anonymousId, event: 'Viewed Pricing', properties: { plan: 'pro' } });
    analytics.identify({
      userId,
      anonymousId,
      traits: { email: 'ada@example.com', plan: 'trial' },
    });
    analytics.track({
      userId,
      event: 'Project Created',
      properties: { template: 'kanban', count: 2 },
    });
    analytics.page({ userId, name: 'Dashboard', properties: { path: '/dashboard' } });
    analytics.screen({ userId, name: 'Settings' });
    analytics.group({ userId, groupId: 'acme', traits: { name: 'Acme', tier: 'enterprise' } });
    analytics.alias({ userId: `${userId}-new`, previousId: userId });
    await analytics.closeAndFlush({ timeout: 10_000 });
    expect(errors).toEqual([]);

    const rows = await app.db.query<
      Array<{
        type: string;
        name: string;
        user_id: string | null;
        anonymous_id: string | null;
        properties: Record<string, unknown>;
        context: Record<string, unknown> | null;
      }>
    >(
      `SELECT type, name, user_id, anonymous_id, properties, context FROM events
       WHERE workspace_id = $1 ORDER BY name`,
      [ws.workspaceId],
    );
    // Sent within the same milliseconds: compare as a set.
    expect(rows.map((r) => `${r.type} ${r.name}`).sort()).toEqual([
      'alias $alias',
      'group $group',
      'identify $identify',
      'page $page',
      'screen $screen',
      'track Project Created',
      'track Viewed Pricing',
    ]);
    const named = (name: string) => rows.find((r) => r.name === name);
    expect(named('Project Created')?.properties).toEqual({ template: 'kanban', count: 2 });
    expect(named('$page')?.properties).toEqual({ path: '/dashboard', name: 'Dashboard' });
    expect(named('Viewed Pricing')?.anonymous_id).toBe(anonymousId);
    expect(named('Viewed Pricing')?.context).toEqual(
      expect.objectContaining({
        library: expect.objectContaining({ name: '@segment/analytics-node' }),
      }),
    );

    // One person: anonymous history, traits, company; the alias moved them to the new id.
    const [person] = await app.db.query<
      Array<{ n: number; traits: Record<string, unknown>; user_id: string }>
    >(
      `SELECT count(DISTINCT i.end_user_id)::int AS n, min(u.traits::text)::jsonb AS traits, min(u.user_id) AS user_id
       FROM identities i JOIN end_users u ON u.workspace_id = i.workspace_id AND u.id = i.end_user_id
       WHERE i.workspace_id = $1`,
      [ws.workspaceId],
    );
    expect(person).toEqual({
      n: 1,
      traits: { email: 'ada@example.com', plan: 'trial' },
      user_id: `${userId}-new`,
    });
    const [company] = await app.db.query<Array<{ id: string; traits: Record<string, unknown> }>>(
      `SELECT c.id, c.traits FROM companies c WHERE c.workspace_id = $1`,
      [ws.workspaceId],
    );
    expect(company).toEqual({ id: 'acme', traits: { name: 'Acme', tier: 'enterprise' } });
  });

  it('delivers 1,000 events in batches, each exactly once', async () => {
    const analytics = client();
    const userId = `bulk-${randomUUID()}`;
    for (let i = 0; i < 1000; i++) analytics.track({ userId, event: 'Bulk', properties: { i } });
    await analytics.closeAndFlush({ timeout: 20_000 });
    const [row] = await app.db.query<Array<{ n: number; distinct_i: number }>>(
      `SELECT count(*)::int AS n, count(DISTINCT properties->>'i')::int AS distinct_i FROM events
       WHERE workspace_id = $1 AND user_id = $2`,
      [ws.workspaceId, userId],
    );
    expect(row).toEqual({ n: 1000, distinct_i: 1000 });
  });

  it('waits out a 429 as Retry-After says and then delivers', async () => {
    const limited = await createWorkspace(app.db);
    await app.db.query(`INSERT INTO ingest_limits VALUES ($1, 10, 20)`, [limited.workspaceId]);
    const analytics = new Analytics({
      writeKey: limited.secretKey,
      host: app.url,
      flushAt: 15,
      flushInterval: 20,
      maxRetries: 5,
    });
    // Spend the whole burst first, so the client's first batch is refused.
    const drain = await fetch(`${app.url}/v1/batch`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${limited.secretKey}:`).toString('base64')}`,
      },
      body: JSON.stringify({
        batch: Array.from({ length: 20 }, (_, i) => ({
          type: 'track',
          event: 'Drain',
          userId: 'limited',
          messageId: `drain-${i}`,
        })),
      }),
    });
    expect(drain.status).toBe(200);
    const sent: number[] = [];
    analytics.on('http_request', () => sent.push(Date.now()));
    for (let i = 0; i < 30; i++)
      analytics.track({ userId: 'limited', event: 'Burst', properties: { i } });
    await analytics.closeAndFlush({ timeout: 15_000 });
    // Refused with Retry-After: 2 (15 events at 10/s), the client waits that long and sends again.
    expect(sent.length).toBeGreaterThanOrEqual(3);
    const gaps = sent.slice(1).map((t, i) => t - sent[i]!);
    expect(Math.max(...gaps)).toBeGreaterThanOrEqual(1900);
    const [row] = await app.db.query<Array<{ n: number }>>(
      `SELECT count(DISTINCT properties->>'i')::int AS n FROM events WHERE workspace_id = $1 AND name = 'Burst'`,
      [limited.workspaceId],
    );
    expect(row?.n).toBe(30);
  }, 30_000);
});

import type {
  ContentDetail,
  ErrorBody,
  PreviewContent,
  PreviewTokenCreated,
  ThemeRecord,
} from '@waymark/shared';
import { createHash } from 'node:crypto';
import {
  builderApi,
  createTenant,
  modalFlow,
  publishedItem,
  type Tenant,
} from './support/content-fixtures';
import { call, type Answer } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
let t: Tenant;
let other: Tenant;
beforeAll(async () => {
  app = await startTestApp();
  [t, other] = await Promise.all([createTenant(app), createTenant(app)]);
});
afterAll(() => app.close());

const headingOf = (answer: Answer<PreviewContent>): string | undefined => {
  const definition = answer.body.definition as {
    steps?: Array<{ blocks: Array<{ text?: string }> }>;
  };
  return definition.steps?.[0]?.blocks[0]?.text;
};
const readPreview = (token: string, sdkKey = t.sdkKey): Promise<Answer<PreviewContent>> =>
  call<PreviewContent>(`${app.url}/sdk/v1/preview?token=${encodeURIComponent(token)}`, {
    headers: { 'x-waymark-key': sdkKey, origin: 'https://app.customer.test' },
  });
const newToken = async (contentId: string, tenant = t): Promise<Answer<PreviewTokenCreated>> =>
  builderApi(app, tenant).post<PreviewTokenCreated>(`/content/${contentId}/preview`);

describe('preview links', () => {
  it('open the current draft of a published item, with its shared theme merged in', async () => {
    const api = builderApi(app, t);
    const theme = await api.post<ThemeRecord>('/themes', {
      name: `Preview ${Date.now()}`,
      theme: { accent: '#0a7f5a', radius: 4 },
    });
    expect(theme.status).toBe(201);
    const item = await publishedItem(app, t, {
      name: 'Live',
      definition: modalFlow('Live heading'),
      themeId: theme.body.id,
    });
    const edited = await api.patch<ContentDetail>(`/content/${item.id}`, {
      definition: modalFlow('Draft heading', { theme: { radius: 20 } }),
    });
    expect(edited.status).toBe(200);

    const created = await newToken(item.id);
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^[\w-]{43}$/);
    const ttl = Date.parse(created.body.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(55 * 60_000);
    expect(ttl).toBeLessThanOrEqual(60 * 60_000);

    const answer = await readPreview(created.body.token);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.body.contentId).toBe(item.id);
    expect(headingOf(answer)).toBe('Draft heading');
    expect(answer.body.theme).toMatchObject({ accent: '#0a7f5a', radius: 20 });
    // The live session still gets the published version.
  });

  it('fall back to the published version when there is no draft', async () => {
    const item = await publishedItem(app, t, {
      name: 'Clean',
      definition: modalFlow('Published only'),
    });
    const { body } = await newToken(item.id);
    const answer = await readPreview(body.token);
    expect(answer.status).toBe(200);
    expect(headingOf(answer)).toBe('Published only');
  });

  it('store only the SHA-256 of the token, with the item, author and expiry', async () => {
    const item = await publishedItem(app, t, { name: 'Hashed' });
    const { body } = await newToken(item.id);
    const rows = (await app.db.query(
      `SELECT token_hash, content_id, created_by, expires_at FROM preview_tokens WHERE workspace_id = $1 AND content_id = $2`,
      [t.workspaceId, item.id],
    )) as Array<{ token_hash: Buffer; content_id: string; created_by: string; expires_at: Date }>;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash.equals(createHash('sha256').update(body.token).digest())).toBe(true);
    const stored = JSON.stringify(await app.db.query(`SELECT * FROM preview_tokens`));
    expect(stored).not.toContain(body.token);
  });

  it('answer 404 to unknown and expired tokens, and to another workspace’s key', async () => {
    const item = await publishedItem(app, t, { name: 'Expiring' });
    const { body } = await newToken(item.id);
    const unknown = await readPreview('A'.repeat(43));
    expect([unknown.status, (unknown.body as unknown as ErrorBody).code]).toEqual([
      404,
      'not_found',
    ]);

    const foreign = await readPreview(body.token, other.sdkKey);
    expect([foreign.status, (foreign.body as unknown as ErrorBody).code]).toEqual([
      404,
      'not_found',
    ]);

    await app.db.query(
      `UPDATE preview_tokens SET expires_at = now() - interval '1 second' WHERE workspace_id = $1 AND content_id = $2`,
      [t.workspaceId, item.id],
    );
    const expired = await readPreview(body.token);
    expect([expired.status, (expired.body as unknown as ErrorBody).code]).toEqual([
      404,
      'not_found',
    ]);
  });

  it('refuse malformed tokens and a missing SDK key', async () => {
    const malformed = await readPreview('short');
    expect([malformed.status, (malformed.body as unknown as ErrorBody).code]).toEqual([
      400,
      'validation_failed',
    ]);
    const keyless = await call(`${app.url}/sdk/v1/preview?token=${'A'.repeat(43)}`);
    expect([keyless.status, (keyless.body as ErrorBody).code]).toEqual([401, 'invalid_key']);
  });

  it('are made by editors only, for items of their own workspace', async () => {
    const item = await publishedItem(app, t, { name: 'Roles' });
    const viewer = await builderApi(app, t, t.viewer).post(`/content/${item.id}/preview`);
    expect(viewer.status).toBe(403);
    const foreign = await newToken(item.id, other);
    expect([foreign.status, (foreign.body as unknown as ErrorBody).code]).toEqual([
      404,
      'not_found',
    ]);
    const count = (await app.db.query(
      `SELECT count(*)::int AS n FROM preview_tokens WHERE content_id = $1`,
      [item.id],
    )) as Array<{ n: number }>;
    expect(count[0]!.n).toBe(0);
  });
});

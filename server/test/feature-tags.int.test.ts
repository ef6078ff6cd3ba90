import type { AuditPage, ErrorBody, FeatureTagList, FeatureTagRecord } from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import { ConfigChanges } from '../src/content/config-changes';
import { startTwoApps, type LoggedTestApp } from './support/builder-session';
import {
  anonymous,
  builderApi,
  createTenant,
  sdkEvents,
  sdkSession,
  type Member,
  type Tenant,
} from './support/content-fixtures';
import { eventually } from './support/eventually';
import { call } from './support/http';

let a: LoggedTestApp;
let b: LoggedTestApp;
let t: Tenant;
beforeAll(async () => {
  [a, b] = await startTwoApps();
  t = await createTenant(a);
  for (const app of [a, b]) {
    const changes = app.app.get(ConfigChanges);
    while (!changes.isListening) await new Promise((resolve) => setTimeout(resolve, 10));
  }
});
afterAll(() => Promise.all([a?.close(), b?.close()]));

const put = <T>(tenant: Tenant, member: Member, id: string, body: unknown) =>
  call<T>(`${a.url}/api/workspaces/${tenant.workspaceId}/feature-tags/${id}`, {
    method: 'PUT',
    headers: { cookie: member.cookie, 'x-csrf-token': member.csrf },
    body,
  });

const clickTag = (name: string) => ({
  name,
  kind: 'click',
  target: { selector: '[data-action="export"]', text: 'Export', attributes: {} },
  url: '/projects/*',
});

describe('feature tags', () => {
  it('lets editors create, change and delete tags, audited, and viewers only read', async () => {
    const editor = builderApi(a, t, t.editor);
    const viewer = builderApi(a, t, t.viewer);
    const created = await editor.post<FeatureTagRecord>(
      '/feature-tags',
      clickTag('Export clicked'),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Export clicked',
      kind: 'click',
      target: { selector: '[data-action="export"]', text: 'Export' },
      url: '/projects/*',
      events30d: 0,
    });
    const page = await editor.post<FeatureTagRecord>('/feature-tags', {
      name: 'Visited billing',
      kind: 'page',
      url: '/settings/billing',
    });
    expect(page.status).toBe(201);

    const listed = await viewer.get<FeatureTagList>('/feature-tags');
    expect(listed.body.data.map((tag) => tag.name)).toEqual(['Export clicked', 'Visited billing']);
    expect((await viewer.get(`/feature-tags/${page.body.id}`)).body).toEqual(page.body);

    // Viewers change nothing.
    expect((await viewer.post('/feature-tags', clickTag('Nope'))).status).toBe(403);
    expect((await put(t, t.viewer, page.body.id, { ...page.body, url: '/x' })).status).toBe(403);
    expect((await viewer.del(`/feature-tags/${page.body.id}`)).status).toBe(403);

    // A page tag becomes a click tag.
    const changed = await put<FeatureTagRecord>(t, t.editor, page.body.id, {
      name: 'Billing upgrade',
      kind: 'click',
      target: { attributes: { 'data-testid': 'upgrade' } },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ kind: 'click', name: 'Billing upgrade' });
    expect(changed.body).not.toHaveProperty('url');

    expect((await editor.del(`/feature-tags/${page.body.id}`)).status).toBe(200);
    expect((await viewer.get(`/feature-tags/${page.body.id}`)).status).toBe(404);

    const audit = await builderApi(a, t, t.owner).get<AuditPage>('/audit');
    const actions = audit.body.data
      .filter((e) => e.target.type === 'feature_tag')
      .map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['feature_tag.created', 'feature_tag.updated', 'feature_tag.deleted']),
    );
  });

  it('refuses bad input next to the field, and a taken name with 409', async () => {
    const editor = builderApi(a, t, t.editor);
    const bad = await editor.post<ErrorBody>('/feature-tags', {
      name: '$reserved',
      kind: 'click',
      target: { attributes: {} },
    });
    expect([bad.status, bad.body.code]).toEqual([400, 'validation_failed']);
    const paths = (bad.body.details as Array<{ path: string }>).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'target']));
    const noUrl = await editor.post<ErrorBody>('/feature-tags', { name: 'Page', kind: 'page' });
    expect(noUrl.status).toBe(400);

    const name = `Dup ${randomUUID()}`;
    expect((await editor.post('/feature-tags', clickTag(name))).status).toBe(201);
    const dup = await editor.post<ErrorBody>('/feature-tags', clickTag(name));
    expect([dup.status, dup.body.code]).toEqual([409, 'conflict']);
  });

  it('is delivered in the session answer, on every instance, and counts its events', async () => {
    const tenant = await createTenant(a);
    const user = anonymous();
    const onB = () => sdkSession(b, tenant.sdkKey, user);
    const before = await onB();
    expect(before.body.featureTags).toEqual([]);

    const created = await builderApi(a, tenant).post<FeatureTagRecord>(
      '/feature-tags',
      clickTag('Export clicked'),
    );
    // Instance A's cache is dropped at once; B's through NOTIFY.
    const onA = await sdkSession(a, tenant.sdkKey, user);
    expect(onA.body.featureTags).toEqual([
      {
        id: created.body.id,
        name: 'Export clicked',
        kind: 'click',
        target: { selector: '[data-action="export"]', text: 'Export', attributes: {} },
        url: '/projects/*',
      },
    ]);
    await eventually(async () => (await onB()).body.featureTags?.length === 1);
    const after = await onB();
    expect(after.body.etag).not.toBe(before.body.etag);

    // Events with the tag's name count in its 30-day stats.
    await sdkEvents(a, tenant.sdkKey, user, [
      ...[1, 2, 3].map(() => ({
        type: 'track',
        event: 'Export clicked',
        messageId: randomUUID(),
        timestamp: new Date().toISOString(),
        properties: { featureTagId: created.body.id },
      })),
    ]);
    const listed = await builderApi(a, tenant).get<FeatureTagList>('/feature-tags');
    expect(listed.body.data[0]!.events30d).toBe(3);

    await builderApi(a, tenant).del(`/feature-tags/${created.body.id}`);
    await eventually(async () => (await onB()).body.featureTags?.length === 0);
  });

  it('keeps workspaces apart', async () => {
    const other = await createTenant(a);
    const mine = await builderApi(a, t).post<FeatureTagRecord>('/feature-tags', clickTag('Mine'));
    const theirs = builderApi(a, other, other.editor);
    expect((await theirs.get(`/feature-tags/${mine.body.id}`)).status).toBe(404);
    expect((await put(other, other.editor, mine.body.id, clickTag('Stolen'))).status).toBe(404);
    expect((await theirs.del(`/feature-tags/${mine.body.id}`)).status).toBe(404);
    expect((await theirs.get<FeatureTagList>('/feature-tags')).body.data).toEqual([]);
    expect((await sdkSession(a, other.sdkKey, anonymous())).body.featureTags).toEqual([]);
  });
});

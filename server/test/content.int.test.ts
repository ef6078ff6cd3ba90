import {
  templates,
  type AuditPage,
  type ContentDetail,
  type ContentSummary,
  type ContentVersionSummary,
  type ErrorBody,
  type ThemeRecord,
} from '@waymark/shared';
import {
  anonymous,
  builderApi,
  createTenant,
  idsOf,
  modalFlow,
  publishedItem,
  sdkSession,
  type Tenant,
} from './support/content-fixtures';
import { startTestApp, type TestApp } from './support/test-app';

// Boots a whole app per file; the machine may be busy.

let app: TestApp;
let t: Tenant;
beforeAll(async () => {
  app = await startTestApp();
  t = await createTenant(app);
});
afterAll(() => app.close());

const headingOf = (definition: unknown): string =>
  (definition as { steps: Array<{ blocks: Array<{ text?: string }> }> }).steps[0]!.blocks[0]!
    .text ?? '';

describe('content CRUD', () => {
  it('creates every kind from its shared schema as a draft that is not delivered', async () => {
    const api = builderApi(app, t);
    const samples = [
      templates.welcomeModal,
      templates.onboardingChecklist,
      templates.announcementBanner,
      templates.npsSurvey,
      templates.helpLauncher,
    ];
    for (const sample of samples) {
      const created = await api.post<ContentDetail>('/content', {
        name: sample.name,
        definition: sample.definition,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        kind: sample.definition.kind,
        status: 'draft',
        publishedVersionId: null,
        delivery: { frequency: { type: 'once' }, priority: 0, triggers: [{ type: 'immediate' }] },
        draft: { version: 1, publishedAt: null },
      });
      expect(created.body.draft?.definition.kind).toBe(sample.definition.kind);
    }
    const list = await api.get<{ data: ContentSummary[] }>('/content');
    expect(list.body.data.filter((c) => c.hasDraft && c.publishedVersion === null)).toHaveLength(5);
    expect(list.body.data.map((c) => c.audience)).toEqual(Array(5).fill({ type: 'everyone' }));
    expect((await sdkSession(app, t.sdkKey, anonymous())).body.content).toEqual([]);
  });

  it('refuses invalid definitions, unknown keys and a change of kind, and stores nothing', async () => {
    const api = builderApi(app, t);
    const before = (await api.get<{ data: ContentSummary[] }>('/content')).body.data.length;
    const bad = await api.post<ErrorBody>('/content', {
      name: 'Bad',
      definition: { kind: 'flow', steps: [{ id: 's', type: 'tooltip', blocks: [] }] },
    });
    expect([bad.status, bad.body.code]).toEqual([400, 'validation_failed']);
    expect((bad.body.details as Array<{ path: string }>).map((d) => d.path)).toEqual(
      expect.arrayContaining(['definition.steps.0.blocks']),
    );
    const extra = await api.post<ErrorBody>('/content', {
      name: 'Extra',
      definition: modalFlow('x'),
      sneaky: true,
    });
    expect(extra.status).toBe(400);
    expect((await api.get<{ data: ContentSummary[] }>('/content')).body.data).toHaveLength(before);
    const item = await publishedItem(app, t, { name: 'Kind' });
    const change = await api.patch<ErrorBody>(`/content/${item.id}`, {
      definition: templates.announcementBanner.definition,
    });
    expect([change.status, change.body.details]).toEqual([
      400,
      [{ path: 'definition.kind', message: 'This item is a flow.' }],
    ]);
  });
});

describe('versions', () => {
  it('publishes immutable versions, edits a new draft, keeps history and rolls back', async () => {
    const api = builderApi(app, t);
    const user = anonymous();
    const item = await publishedItem(app, t, {
      name: 'Versioned',
      delivery: { frequency: { type: 'unlimited' } },
    });
    const v1 = item.publishedVersionId!;
    expect(item).toMatchObject({ status: 'published', publishedVersion: 1, draft: null });

    const edited = await api.patch<ContentDetail>(`/content/${item.id}`, {
      definition: modalFlow('Second'),
    });
    expect(edited.body.draft).toMatchObject({ version: 2, publishedAt: null });
    expect(edited.body.publishedVersionId).toBe(v1);
    const served = (await sdkSession(app, t.sdkKey, user)).body.content.find(
      (c) => c.id === item.id,
    );
    expect([served?.versionId, headingOf(served?.definition)]).toEqual([v1, 'Versioned']);

    const second = await api.post<ContentDetail>(`/content/${item.id}/publish`);
    const v2 = second.body.publishedVersionId!;
    expect(second.body).toMatchObject({ publishedVersion: 2, draft: null });
    const now = (await sdkSession(app, t.sdkKey, user)).body.content.find((c) => c.id === item.id);
    expect([now?.versionId, headingOf(now?.definition)]).toEqual([v2, 'Second']);

    const history = await api.get<{ data: ContentVersionSummary[] }>(
      `/content/${item.id}/versions`,
    );
    expect(history.body.data.map((v) => [v.version, v.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    const old = await api.get<{ definition: unknown }>(`/content/${item.id}/versions/${v1}`);
    expect(headingOf(old.body.definition)).toBe('Versioned');

    await expect(
      app.db.query(`UPDATE content_versions SET definition = '{}' WHERE id = $1`, [v1]),
    ).rejects.toThrow(/immutable/);

    const back = await api.post<ContentDetail>(`/content/${item.id}/versions/${v1}/rollback`);
    expect(back.body).toMatchObject({ publishedVersionId: v1, publishedVersion: 1 });
    const rolled = (await sdkSession(app, t.sdkKey, user)).body.content.find(
      (c) => c.id === item.id,
    );
    expect(rolled?.versionId).toBe(v1);

    expect((await api.post(`/content/${item.id}/publish`)).status).toBe(409); // no draft
    await api.patch(`/content/${item.id}`, { name: 'Renamed' });
    const draft = (await api.get<ContentDetail>(`/content/${item.id}`)).body;
    expect(draft.draft).toBeNull(); // a rename does not make a draft
    expect(draft.name).toBe('Renamed');
  });

  it('unpublishes, archives (no edits), restores, duplicates and deletes only unpublished items', async () => {
    const api = builderApi(app, t);
    const item = await publishedItem(app, t, { name: 'Lifecycle' });
    const user = anonymous();
    expect(idsOf(await sdkSession(app, t.sdkKey, user))).toContain(item.id);

    expect((await api.post<ContentDetail>(`/content/${item.id}/unpublish`)).body.status).toBe(
      'draft',
    );
    expect(idsOf(await sdkSession(app, t.sdkKey, user))).not.toContain(item.id);

    expect((await api.post<ContentDetail>(`/content/${item.id}/archive`)).body.status).toBe(
      'archived',
    );
    const edit = await api.patch<ErrorBody>(`/content/${item.id}`, { name: 'Nope' });
    expect([edit.status, edit.body.code]).toEqual([409, 'conflict']);
    expect((await api.post(`/content/${item.id}/publish`)).status).toBe(409);
    expect((await api.post<ContentDetail>(`/content/${item.id}/restore`)).body.status).toBe(
      'draft',
    );

    const copy = await api.post<ContentDetail>(`/content/${item.id}/duplicate`);
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({
      name: 'Lifecycle (copy)',
      status: 'draft',
      publishedVersionId: null,
    });
    expect(copy.body.id).not.toBe(item.id);
    expect(headingOf(copy.body.draft?.definition)).toBe('Lifecycle');

    const refused = await api.del<ErrorBody>(`/content/${item.id}`);
    expect([refused.status, refused.body.code]).toEqual([409, 'conflict']);
    expect((await api.del(`/content/${copy.body.id}`)).status).toBe(200);
    expect((await api.get(`/content/${copy.body.id}`)).status).toBe(404);
  });

  it('records who published what in the audit log', async () => {
    const item = await publishedItem(app, t, { name: 'Audited' });
    const audit = await builderApi(app, t, t.owner).get<AuditPage>(
      `/audit?targetType=content&targetId=${item.id}`,
    );
    expect(audit.body.data.map((e) => e.action)).toEqual(['content.published', 'content.created']);
    expect(audit.body.data[0]!.actor.label).toMatch(/^editor-/);
  });
});

describe('roles and tenants', () => {
  it('lets viewers read but change nothing', async () => {
    const item = await publishedItem(app, t, { name: 'Read only' });
    const viewer = builderApi(app, t, t.viewer);
    expect((await viewer.get(`/content/${item.id}`)).status).toBe(200);
    const attempts = [
      viewer.post('/content', { name: 'V', definition: modalFlow('V') }),
      viewer.patch(`/content/${item.id}`, { delivery: { priority: 9 } }),
      viewer.post(`/content/${item.id}/unpublish`),
      viewer.post(`/content/${item.id}/archive`),
      viewer.post(`/content/${item.id}/duplicate`),
      viewer.del(`/content/${item.id}`),
      viewer.post('/themes', { name: 'T', theme: {} }),
    ];
    for (const answer of await Promise.all(attempts)) expect(answer.status).toBe(403);
    const after = (await viewer.get<ContentDetail>(`/content/${item.id}`)).body;
    expect([after.status, after.delivery.priority]).toEqual(['published', 0]);
  });

  it('answers 404 for another workspace’s content', async () => {
    const other = await createTenant(app);
    const theirs = await publishedItem(app, other, { name: 'Theirs' });
    const api = builderApi(app, t);
    expect((await api.get(`/content/${theirs.id}`)).status).toBe(404);
    expect((await api.post(`/content/${theirs.id}/publish`)).status).toBe(404);
    const mixed = builderApi(app, { ...other, editor: t.editor });
    expect((await mixed.get('/content')).status).toBe(404);
  });
});

describe('themes and locales', () => {
  it('shares a theme across items; an edit shows at once; a theme in use cannot be deleted', async () => {
    const api = builderApi(app, t);
    const theme = await api.post<ThemeRecord>('/themes', {
      name: 'Brand',
      theme: { accent: '#112233', radius: 4 },
    });
    expect(theme.status).toBe(201);
    const item = await publishedItem(app, t, {
      name: 'Themed',
      themeId: theme.body.id,
      definition: modalFlow('Themed', { theme: { radius: 16 } }),
    });
    const user = anonymous();
    const themeOf = async () =>
      (await sdkSession(app, t.sdkKey, user)).body.content.find((c) => c.id === item.id)?.definition
        .theme;
    expect(await themeOf()).toEqual({ accent: '#112233', radius: 16 });
    await api.patch(`/themes/${theme.body.id}`, { theme: { accent: '#445566' } });
    expect(await themeOf()).toEqual({ accent: '#445566', radius: 16 });
    const del = await api.del<ErrorBody>(`/themes/${theme.body.id}`);
    expect([del.status, del.body.code]).toEqual([409, 'conflict']);
    const other = await createTenant(app);
    const foreign = await builderApi(app, other).post<ThemeRecord>('/themes', {
      name: 'X',
      theme: {},
    });
    const refused = await api.patch<ErrorBody>(`/content/${item.id}`, { themeId: foreign.body.id });
    expect(refused.status).toBe(400);
  });

  it('localizes definitions by context.locale with fallback to the default text', async () => {
    const item = await publishedItem(app, t, {
      name: 'Hello',
      definition: modalFlow('Hello', {
        translations: { fi: { Hello: 'Hei' }, 'pt-BR': { Hello: 'Olá' } },
      }),
    });
    const heading = async (locale: string) => {
      const answer = await sdkSession(app, t.sdkKey, anonymous(), { context: { locale } });
      const served = answer.body.content.find((c) => c.id === item.id);
      return [headingOf(served?.definition), Object.keys(served?.definition.translations ?? {})];
    };
    expect(await heading('fi-FI')).toEqual(['Hei', ['fi']]);
    expect(await heading('pt-BR')).toEqual(['Olá', ['pt-BR']]);
    expect(await heading('de')).toEqual(['Hello', []]);
  });
});

import type { EventsExportResponse, ProgressResponse, SdkUser } from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import {
  anonymous,
  contentEvent,
  createTenant,
  idsOf,
  publishedItem,
  sdkEvents,
  sdkSession,
  type Tenant,
} from './support/content-fixtures';
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

const at = (offsetMs = 0): string => new Date(Date.now() + offsetMs).toISOString();

const save = (user: SdkUser, updates: unknown[]) =>
  call<ProgressResponse>(`${app.url}/sdk/v1/progress`, {
    headers: { 'x-waymark-key': t.sdkKey },
    body: { user, updates },
  });

const progressOf = async (user: SdkUser, contentId: string) =>
  (await sdkSession(app, t.sdkKey, user)).body.content.find((c) => c.id === contentId)?.progress;

describe('POST /sdk/v1/progress', () => {
  it('resumes a walkthrough on another device at the saved step', async () => {
    const item = await publishedItem(app, t, { name: 'Walkthrough' });
    const userId = `user-${randomUUID()}`;
    const laptop = { anonymousId: `laptop-${randomUUID()}`, userId };
    const saved = await save(laptop, [
      {
        contentId: item.id,
        versionId: item.publishedVersionId,
        status: 'in_progress',
        stepId: 'one',
        timestamp: at(-2000),
      },
      {
        contentId: item.id,
        versionId: item.publishedVersionId,
        status: 'in_progress',
        stepId: 'two',
        timestamp: at(-1000),
      },
    ]);
    expect(saved.body).toEqual({ saved: 2 });
    const phone = { anonymousId: `phone-${randomUUID()}`, userId };
    expect(await progressOf(phone, item.id)).toEqual({ status: 'in_progress', stepId: 'two' });
  });

  it('keeps the latest state when updates arrive out of order, and the first completion', async () => {
    const item = await publishedItem(app, t, {
      name: 'Ordered',
      delivery: { frequency: { type: 'unlimited' } },
    });
    const user = anonymous();
    const update = (status: string, stepId: string, offset: number) => ({
      contentId: item.id,
      versionId: item.publishedVersionId,
      status,
      stepId,
      timestamp: at(offset),
    });
    const completed = update('completed', 'two', -1000);
    await save(user, [completed]);
    await save(user, [update('in_progress', 'one', -5000)]); // older, arrives late
    expect(await progressOf(user, item.id)).toEqual({ status: 'completed', stepId: 'two' });
    const [row] = await app.db.query<Array<{ completed_at: Date }>>(
      `SELECT completed_at FROM content_progress WHERE content_id = $1`,
      [item.id],
    );
    expect(row!.completed_at.toISOString()).toBe(completed.timestamp);
  });

  it('replaces the events shortcut: completion saved as progress ends a "once" item', async () => {
    const item = await publishedItem(app, t, { name: 'Once via progress' });
    const user = anonymous();
    expect(idsOf(await sdkSession(app, t.sdkKey, user))).toContain(item.id);
    await save(user, [
      {
        contentId: item.id,
        versionId: item.publishedVersionId,
        status: 'completed',
        timestamp: at(),
      },
    ]);
    expect(idsOf(await sdkSession(app, t.sdkKey, user))).not.toContain(item.id);
    // Content events from the widget feed the same table.
    const other = await publishedItem(app, t, { name: 'Once via events' });
    await sdkEvents(app, t.sdkKey, user, [contentEvent('step_viewed', other, 'two')]);
    expect(await progressOf(user, other.id)).toEqual({ status: 'in_progress', stepId: 'two' });
    await sdkEvents(app, t.sdkKey, user, [contentEvent('dismissed', other)]);
    expect(idsOf(await sdkSession(app, t.sdkKey, user))).not.toContain(other.id);
  });

  it('accumulates checklist items and survey answers; answers become events once', async () => {
    const item = await publishedItem(app, t, {
      name: 'Survey',
      delivery: { frequency: { type: 'unlimited' } },
    });
    const user = { anonymousId: `anon-${randomUUID()}`, userId: `user-${randomUUID()}` };
    const update = {
      contentId: item.id,
      versionId: item.publishedVersionId,
      status: 'in_progress',
      items: ['invite'],
      answers: { nps: 9 },
      timestamp: at(-1000),
    };
    await save(user, [update]);
    await save(user, [update]); // a retry
    await save(user, [{ ...update, items: ['import'], answers: { why: 'Fast' }, timestamp: at() }]);
    const progress = await progressOf(user, item.id);
    expect(progress?.items?.sort()).toEqual(['import', 'invite']);
    expect(progress?.answers).toEqual({ nps: 9, why: 'Fast' });
    const exported = await call<EventsExportResponse>(
      `${app.url}/api/v1/events?userId=${user.userId}&name=$survey_answered`,
      { headers: { authorization: `Bearer ${t.secretKey}` } },
    );
    expect(
      exported.body.data.map((e) => [e.properties.questionId, e.properties.value]).sort(),
    ).toEqual([
      ['nps', 9],
      ['why', 'Fast'],
    ]);
  });

  it('carries anonymous progress over to the identified user and skips unknown items', async () => {
    const item = await publishedItem(app, t, { name: 'Before sign-in' });
    const anonymousId = `anon-${randomUUID()}`;
    await save({ anonymousId }, [
      {
        contentId: item.id,
        versionId: item.publishedVersionId,
        status: 'in_progress',
        stepId: 'two',
        timestamp: at(),
      },
    ]);
    expect(await progressOf({ anonymousId, userId: `u-${randomUUID()}` }, item.id)).toEqual({
      status: 'in_progress',
      stepId: 'two',
    });
    const unknown = await save({ anonymousId }, [
      { contentId: randomUUID(), versionId: randomUUID(), status: 'completed', timestamp: at() },
    ]);
    expect(unknown.body).toEqual({ saved: 0 });
    const other = await createTenant(app);
    const foreign = await call<ProgressResponse>(`${app.url}/sdk/v1/progress`, {
      headers: { 'x-waymark-key': other.sdkKey },
      body: {
        user: { anonymousId },
        updates: [
          {
            contentId: item.id,
            versionId: item.publishedVersionId,
            status: 'completed',
            timestamp: at(),
          },
        ],
      },
    });
    expect(foreign.body).toEqual({ saved: 0 });
    const bad = await save({ anonymousId }, [{ contentId: 'nope', status: 'done' }]);
    expect(bad.status).toBe(400);
  });
});

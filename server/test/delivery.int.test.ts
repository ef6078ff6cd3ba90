import type {
  ContentDetail,
  EligibilityResponse,
  ErrorBody,
  ItemEligibility,
} from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import {
  anonymous,
  builderApi,
  contentEvent,
  createTenant,
  idsOf,
  publishedItem,
  sdkEvents,
  sdkSession,
  type Tenant,
} from './support/content-fixtures';
import { eventually } from './support/eventually';
import { startTestApp, type TestApp } from './support/test-app';

// Boots a whole app per file; the machine may be busy.

let app: TestApp;
let t: Tenant;
beforeAll(async () => {
  app = await startTestApp();
  t = await createTenant(app);
});
afterAll(() => app.close());

/** Whether a fresh session of `user` gets `item`. */
const gets = async (item: { id: string }, user = anonymous(), extras = {}): Promise<boolean> =>
  idsOf(await sdkSession(app, t.sdkKey, user, extras)).includes(item.id);

const why = async (userId: string, query = ''): Promise<ItemEligibility[]> => {
  const answer = await builderApi(app, t, t.viewer).get<EligibilityResponse>(
    `/users/${encodeURIComponent(userId)}/eligibility${query}`,
  );
  expect(answer.status).toBe(200);
  return answer.body.data;
};

describe('audience', () => {
  it('delivers to users whose traits match the rule and explains the others', async () => {
    const item = await publishedItem(app, t, {
      name: 'Pro only',
      delivery: {
        audience: { type: 'rule', rule: { type: 'trait', key: 'plan', op: 'eq', value: 'pro' } },
      },
    });
    expect(await gets(item, anonymous(), { traits: { plan: 'pro' } })).toBe(true);
    expect(await gets(item, anonymous(), { traits: { plan: 'free' } })).toBe(false);
    const [mine] = (
      await why('someone', `?traits=${encodeURIComponent('{"plan":"free"}')}`)
    ).filter((i) => i.contentId === item.id);
    expect(mine).toMatchObject({ eligible: false, versionId: null });
    expect(mine!.reasons.find((r) => r.check === 'audience')).toEqual({
      check: 'audience',
      verdict: 'fail',
      message: 'audience does not match',
    });
  });

  it('never lets an audience the server cannot evaluate pass', async () => {
    const item = await publishedItem(app, t, {
      name: 'Element audience',
      delivery: {
        audience: {
          type: 'rule',
          rule: { type: 'element', target: { selector: '#upgrade' }, state: 'visible' },
        },
      },
    });
    expect(await gets(item)).toBe(false);
    const [mine] = (await why('u-element')).filter((i) => i.contentId === item.id);
    expect(mine!.reasons.find((r) => r.check === 'audience')?.message).toMatch(
      /^not eligible: audience not evaluable/,
    );
  });

  it('targets saved segments through segment membership', async () => {
    const item = await publishedItem(app, t, {
      name: 'Segment audience',
      delivery: { audience: { type: 'segments', segmentIds: [randomUUID()] } },
    });
    expect(await gets(item)).toBe(false);
  });

  it('answers with content made eligible by the events just sent', async () => {
    const tour = await publishedItem(app, t, { name: 'First tour' });
    const followUp = await publishedItem(app, t, {
      name: 'After the tour',
      delivery: {
        audience: {
          type: 'rule',
          rule: { type: 'content', contentId: tour.id, state: 'completed' },
        },
      },
    });
    const invite = await publishedItem(app, t, {
      name: 'After an invite',
      delivery: { audience: { type: 'rule', rule: { type: 'event', name: 'Invite Sent' } } },
    });
    const user = { ...anonymous(), userId: `user-${randomUUID()}` };
    expect(idsOf(await sdkSession(app, t.sdkKey, user))).not.toContain(followUp.id);
    const done = await sdkEvents(app, t.sdkKey, user, [contentEvent('completed', tour)]);
    expect(done.body.content.map((c) => c.id)).toEqual([followUp.id]);
    const tracked = await sdkEvents(app, t.sdkKey, user, [
      {
        type: 'track',
        event: 'Invite Sent',
        messageId: randomUUID(),
        timestamp: new Date().toISOString(),
        properties: {},
      },
    ]);
    expect(tracked.body.content.map((c) => c.id)).toEqual([invite.id]);
    // Already delivered ones are not repeated.
    const again = await sdkEvents(app, t.sdkKey, user, [
      {
        type: 'track',
        event: 'Invite Sent',
        messageId: randomUUID(),
        timestamp: new Date().toISOString(),
        properties: {},
      },
    ]);
    expect(again.body.content).toEqual([]);
  });
});

describe('schedule', () => {
  const hour = new Date().getUTCHours();
  it('delivers only inside the start/end and recurring window', async () => {
    const open = await publishedItem(app, t, {
      name: 'Open now',
      delivery: {
        schedule: {
          timezone: 'UTC',
          recurrence: {
            rrule: `FREQ=DAILY;BYHOUR=${hour};BYMINUTE=0;BYSECOND=0`,
            durationMinutes: 120,
          },
        },
      },
    });
    const closed = await publishedItem(app, t, {
      name: 'Closed now',
      delivery: {
        schedule: {
          timezone: 'UTC',
          recurrence: {
            rrule: `FREQ=DAILY;BYHOUR=${(hour + 2) % 24};BYMINUTE=0;BYSECOND=0`,
            durationMinutes: 60,
          },
        },
      },
    });
    const later = await publishedItem(app, t, {
      name: 'Starts tomorrow',
      delivery: { schedule: { start: new Date(Date.now() + 86_400_000).toISOString() } },
    });
    const user = anonymous();
    const ids = idsOf(await sdkSession(app, t.sdkKey, user));
    expect(ids).toContain(open.id);
    expect(ids).not.toContain(later.id);
    const explained = await why('u-schedule');
    const reason = (id: string) =>
      explained.find((i) => i.contentId === id)!.reasons.find((r) => r.check === 'schedule')!;
    expect(reason(later.id).message).toMatch(/^starts /);
    expect(reason(open.id)).toMatchObject({ verdict: 'pass' });
    expect(reason(open.id).message).toMatch(/^inside the recurring window until /);
    expect(ids).not.toContain(closed.id);
    expect(reason(closed.id)).toMatchObject({ verdict: 'fail' });
    expect(reason(closed.id).message).toMatch(/^outside the recurring window; next opens /);
  });

  it('refuses a malformed schedule and lets no viewer change delivery', async () => {
    const item = await publishedItem(app, t, { name: 'Guarded' });
    const bad = await builderApi(app, t).patch<ErrorBody>(`/content/${item.id}`, {
      delivery: { schedule: { recurrence: { rrule: 'FREQ=NEVER', durationMinutes: 5 } } },
    });
    expect(bad.status).toBe(400);
    expect((bad.body.details as Array<{ path: string }>)[0]!.path).toBe(
      'delivery.schedule.recurrence.rrule',
    );
    const viewer = await builderApi(app, t, t.viewer).patch(`/content/${item.id}`, {
      delivery: { schedule: { end: new Date().toISOString() } },
    });
    expect(viewer.status).toBe(403);
    expect(await gets(item)).toBe(true);
  });
});

describe('frequency', () => {
  const track = async (frequency: unknown) =>
    publishedItem(app, t, { name: `Freq ${JSON.stringify(frequency)}`, delivery: { frequency } });

  it('once: gone after a dismissal; until completed: back after a dismissal, gone after completion', async () => {
    const once = await track({ type: 'once' });
    const untilDone = await track({ type: 'until_completed' });
    const unlimited = await track({ type: 'unlimited' });
    const user = anonymous();
    await sdkEvents(app, t.sdkKey, user, [
      contentEvent('dismissed', once),
      contentEvent('dismissed', untilDone),
      contentEvent('completed', unlimited),
    ]);
    const ids = idsOf(await sdkSession(app, t.sdkKey, user));
    expect(ids).not.toContain(once.id);
    expect(ids).toContain(untilDone.id);
    expect(ids).toContain(unlimited.id);
    await sdkEvents(app, t.sdkKey, user, [contentEvent('completed', untilDone)]);
    expect(idsOf(await sdkSession(app, t.sdkKey, user))).not.toContain(untilDone.id);
  });

  it('every N days: again once N days have passed since it was shown', async () => {
    const nps = await track({ type: 'every_n_days', days: 90 });
    const userId = `nps-${randomUUID()}`;
    const user = { anonymousId: `anon-${randomUUID()}`, userId };
    await sdkEvents(app, t.sdkKey, user, [
      contentEvent('shown', nps),
      contentEvent('completed', nps),
    ]);
    expect(await gets(nps, user)).toBe(false);
    const [explained] = (await why(userId)).filter((i) => i.contentId === nps.id);
    expect(explained!.reasons.find((r) => r.check === 'frequency')?.message).toMatch(
      /^every 90 days: next after /,
    );
    await app.db.query(
      `UPDATE content_progress SET shown_at = shown_at - interval '91 days'
        WHERE workspace_id = $1 AND user_key = $2 AND content_id = $3`,
      [t.workspaceId, `u:${userId}`, nps.id],
    );
    // Written behind the app's back, as another instance would: the progress cache (and the
    // session memo checked against it) learns of it by NOTIFY, a moment later.
    await eventually(() => gets(nps, user));
  });
});

describe('priority and eligibility', () => {
  it('orders by priority and explains every item, including a priority conflict and drafts', async () => {
    const tenant = await createTenant(app);
    const low = await publishedItem(app, tenant, { name: 'Low', delivery: { priority: 1 } });
    const high = await publishedItem(app, tenant, { name: 'High', delivery: { priority: 50 } });
    const api = builderApi(app, tenant);
    const draft = await api.post<ContentDetail>('/content', {
      name: 'Draft',
      definition: {
        kind: 'flow',
        steps: [{ id: 'a', type: 'modal', blocks: [{ type: 'heading', text: 'D' }] }],
      },
    });
    const answer = await sdkSession(app, tenant.sdkKey, anonymous());
    expect(answer.body.content.map((c) => [c.name, c.priority])).toEqual([
      ['High', 50],
      ['Low', 1],
    ]);
    const explained = await builderApi(app, tenant, tenant.viewer).get<EligibilityResponse>(
      '/users/someone/eligibility',
    );
    const byId = new Map(explained.body.data.map((i) => [i.contentId, i]));
    expect(explained.body.data.map((i) => i.contentId)).toEqual([high.id, low.id, draft.body.id]);
    expect(byId.get(low.id)!.reasons.at(-1)).toMatchObject({ check: 'priority', verdict: 'warn' });
    expect(byId.get(low.id)!.reasons.at(-1)!.message).toContain('"High" (priority 50)');
    expect(byId.get(draft.body.id)).toMatchObject({ eligible: false });
    expect(byId.get(draft.body.id)!.reasons[0]).toEqual({
      check: 'status',
      verdict: 'fail',
      message: 'not published (draft)',
    });
    const foreign = await builderApi(app, { ...tenant, viewer: t.viewer }, t.viewer).get(
      '/users/someone/eligibility',
    );
    expect(foreign.status).toBe(404);
  });
});

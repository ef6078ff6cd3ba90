import type { IngestResponse, Journey, JourneyStats, Segment, UserExport } from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import { createWorkspace, type TestWorkspace } from './support/factories';
import { call } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  app = await startTestApp();
  ws = await createWorkspace(app.db);
});
afterAll(() => app.close());

const DAY = 86_400_000;
const send = async (messages: Array<Record<string, unknown>>) => {
  const answer = await call<IngestResponse>(`${app.url}/v1/batch`, {
    headers: { authorization: `Basic ${Buffer.from(`${ws.secretKey}:`).toString('base64')}` },
    body: { batch: messages.map((m) => ({ messageId: randomUUID(), ...m })) },
  });
  expect(answer.status).toBe(200);
};
const api = <T>(path: string, body?: unknown) =>
  call<T>(`${app.url}/api/v1${path}`, {
    headers: { authorization: `Bearer ${ws.secretKey}` },
    ...(body === undefined ? {} : { body }),
  });
const did = (name: string) => ({ type: 'event', name });
const daysAgo = (d: number) => new Date(Date.now() - d * DAY).toISOString();
async function until(check: () => Promise<boolean>, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('journeys', () => {
  it('places users in their furthest stage with entry times, conversion, time in stage and stalls', async () => {
    // Four users signed up 30 days ago; three activated after 2, 4 and 6 days; one adopted 10 days after that.
    const users = [0, 1, 2, 3].map((i) => `j${i}-${randomUUID()}`);
    await send(
      users.map((userId) => ({
        type: 'track',
        event: 'Signed Up',
        userId,
        timestamp: daysAgo(30),
      })),
    );
    await send(
      users.slice(0, 3).map((userId, i) => ({
        type: 'track',
        event: 'Project Created',
        userId,
        timestamp: daysAgo(30 - 2 * (i + 1)),
      })),
    );
    const invitedAt = daysAgo(18);
    await send([{ type: 'track', event: 'Invite Sent', userId: users[0], timestamp: invitedAt }]);
    const journey = await api<Journey>('/journeys', {
      name: 'Lifecycle',
      stages: [
        { id: 'acquisition', name: 'Acquisition', rule: did('Signed Up') },
        { id: 'activation', name: 'Activation', rule: did('Project Created') },
        { id: 'adoption', name: 'Adoption', rule: did('Invite Sent') },
      ],
    });
    expect(journey.status).toBe(201);
    const stats = await api<JourneyStats>(`/journeys/${journey.body.id}/stats?stallDays=14`);
    const [acq, act, adopt] = stats.body.stages;
    expect([acq?.current, act?.current, adopt?.current]).toEqual([1, 2, 1]);
    expect([acq?.entered, act?.entered, adopt?.entered]).toEqual([4, 3, 1]);
    expect(acq?.conversionToNext).toBeCloseTo(3 / 4);
    expect(act?.conversionToNext).toBeCloseTo(1 / 3);
    expect(adopt?.conversionToNext).toBeNull();
    expect(acq?.timeInStage.median).toBeCloseTo(4 * 86400, -1);
    expect(acq?.timeInStage.p90).toBeCloseTo(5.6 * 86400, -1);
    expect(act?.timeInStage).toEqual({
      median: expect.closeTo(10 * 86400, -1),
      p90: expect.closeTo(10 * 86400, -1),
      users: 1,
    });
    // Stalled: in the stage for more than 14 days. Activation holds the most.
    expect([acq?.stalled, act?.stalled, adopt?.stalled]).toEqual([1, 2, 1]);
    expect(stats.body.mostStalled).toBe('activation');

    const profile = await api<UserExport>(`/users/${users[0]}`);
    expect(profile.body.journeys).toEqual([
      expect.objectContaining({
        journeyId: journey.body.id,
        stageId: 'adoption',
        stageName: 'Adoption',
      }),
    ]);
    // Entered at the first event of each stage, not when the journey was created.
    expect(Date.parse(profile.body.journeys[0]?.since ?? '')).toBe(Date.parse(invitedAt));
    expect(Object.keys(profile.body.journeys[0]?.entered ?? {}).sort()).toEqual([
      'acquisition',
      'activation',
      'adoption',
    ]);
  });

  it('moves a user as events arrive, and the stage is usable in a segment', async () => {
    const journey = await api<Journey>('/journeys', {
      name: 'Live',
      stages: [
        {
          id: 'new',
          name: 'New',
          rule: { type: 'first_seen', op: 'within_last_days', value: 3650 },
        },
        { id: 'active', name: 'Active', rule: did('Report Run') },
      ],
    });
    await api<Segment>('/segments', {
      name: 'Active stage',
      rule: { type: 'journey_stage', journeyId: journey.body.id, stageId: 'active' },
    });
    const userId = `live-${randomUUID()}`;
    const stageOf = async () =>
      (await api<UserExport>(`/users/${userId}`)).body.journeys.find((j) => j.name === 'Live')
        ?.stageId;
    await send([{ type: 'page', userId, name: 'Home' }]);
    await until(async () => (await stageOf()) === 'new');
    await send([{ type: 'track', event: 'Report Run', userId }]);
    await until(async () => (await stageOf()) === 'active');
    await until(async () =>
      (await api<UserExport>(`/users/${userId}`)).body.segments.some(
        (s) => s.name === 'Active stage',
      ),
    );
    const entered = (await api<UserExport>(`/users/${userId}`)).body.journeys.find(
      (j) => j.name === 'Live',
    )?.entered;
    expect(Object.keys(entered ?? {}).sort()).toEqual(['active', 'new']);
  });
});

import type { Goal, GoalStats, IngestResponse, Segment, UserExport } from '@waymark/shared';
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
const goalsOf = async (userId: string) => (await api<UserExport>(`/users/${userId}`)).body.goals;
async function until(check: () => Promise<boolean>, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('goals', () => {
  it('completes an event goal once per user, at the first matching event', async () => {
    const [a, b, c] = ['a', 'b', 'c'].map((n) => `${n}-${randomUUID()}`) as [
      string,
      string,
      string,
    ];
    await send([
      {
        type: 'track',
        event: 'Integration Connected',
        userId: a,
        properties: { kind: 'slack' },
        timestamp: '2025-03-02T10:00:00Z',
      },
      {
        type: 'track',
        event: 'Integration Connected',
        userId: a,
        properties: { kind: 'slack' },
        timestamp: '2025-03-05T10:00:00Z',
      },
      {
        type: 'track',
        event: 'Integration Connected',
        userId: b,
        properties: { kind: 'email' },
        timestamp: '2025-03-03T10:00:00Z',
      },
      { type: 'track', event: 'Signed Up', userId: c, timestamp: '2025-03-01T10:00:00Z' },
    ]);
    const goal = await api<Goal>('/goals', {
      name: 'Slack connected',
      definition: {
        kind: 'event',
        event: 'Integration Connected',
        where: [{ property: 'kind', op: 'eq', value: 'slack' }],
      },
    });
    expect([goal.status, goal.body.completions]).toEqual([201, 1]);
    expect(await goalsOf(a)).toEqual([
      { goalId: goal.body.id, name: 'Slack connected', completedAt: '2025-03-02T10:00:00.000Z' },
    ]);
    await send([
      {
        type: 'track',
        event: 'Integration Connected',
        userId: c,
        properties: { kind: 'slack' },
        timestamp: '2025-03-04T10:00:00Z',
      },
    ]);
    await until(async () => (await goalsOf(c)).length === 1);
    expect((await goalsOf(c))[0]?.completedAt).toBe('2025-03-04T10:00:00.000Z');
    // A later event does not complete it again.
    await send([
      { type: 'track', event: 'Integration Connected', userId: a, properties: { kind: 'slack' } },
    ]);
    expect((await api<Goal>(`/goals/${goal.body.id}`)).body.completions).toBe(2);

    const stats = await api<GoalStats>(
      `/goals/${goal.body.id}/stats?from=2025-03-01T00:00:00Z&to=2025-03-05T00:00:00Z`,
    );
    expect(stats.body.series.map((p) => [p.period, p.completions, p.cumulative])).toEqual([
      ['2025-03-01', 0, 0],
      ['2025-03-02', 1, 1],
      ['2025-03-03', 0, 1],
      ['2025-03-04', 1, 2],
      ['2025-03-05', 0, 2],
    ]);
    expect(stats.body.series.at(-1)?.users).toBe(3);
    expect(stats.body.series.at(-1)?.rate).toBeCloseTo(2 / 3);
  });

  it('completes a rule goal when the rule starts to hold, and can be used in a segment', async () => {
    const goal = await api<Goal>('/goals', {
      name: 'Upgraded',
      definition: {
        kind: 'rule',
        rule: { type: 'trait', key: 'plan', op: 'in', value: ['pro', 'enterprise'] },
      },
    });
    await api<Segment>('/segments', {
      name: 'Upgraded users',
      rule: { type: 'goal', goalId: goal.body.id },
    });
    const userId = `rule-${randomUUID()}`;
    await send([{ type: 'identify', userId, traits: { plan: 'trial' } }]);
    const before = Date.now();
    await send([{ type: 'identify', userId, traits: { plan: 'pro' } }]);
    await until(async () => (await goalsOf(userId)).length === 1);
    const completedAt = Date.parse((await goalsOf(userId))[0]!.completedAt);
    expect(completedAt).toBeGreaterThanOrEqual(before - 5);
    await until(async () =>
      (await api<UserExport>(`/users/${userId}`)).body.segments.some(
        (s) => s.name === 'Upgraded users',
      ),
    );
    // Reached once: downgrading keeps the completion.
    await send([{ type: 'identify', userId, traits: { plan: 'free' } }]);
    await new Promise((r) => setTimeout(r, 200));
    expect(await goalsOf(userId)).toHaveLength(1);
  });
});

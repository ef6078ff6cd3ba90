import type {
  ErrorBody,
  IngestResponse,
  Segment,
  SegmentMembersPage,
  SegmentPreview,
  SegmentRefreshResult,
  UserExport,
} from '@waymark/shared';
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
const bearer = (w = ws) => ({ authorization: `Bearer ${w.secretKey}` });
const send = async (messages: Array<Record<string, unknown>>) => {
  const answer = await call<IngestResponse>(`${app.url}/v1/batch`, {
    headers: { authorization: `Basic ${Buffer.from(`${ws.secretKey}:`).toString('base64')}` },
    body: { batch: messages.map((m) => ({ messageId: randomUUID(), ...m })) },
  });
  expect(answer.status).toBe(200);
};
const api = <T>(path: string, body?: unknown, method?: string, w = ws) =>
  call<T>(`${app.url}/api/v1${path}`, {
    headers: bearer(w),
    ...(body === undefined ? {} : { body }),
    ...(method ? { method } : {}),
  });
const segmentsOf = async (userId: string) =>
  (await api<UserExport>(`/users/${userId}`)).body.segments?.map((s) => s.name) ?? [];
async function until(check: () => Promise<boolean>, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const invitedTwice = {
  type: 'event',
  name: 'Invite Sent',
  count: { op: 'gte', value: 2 },
  window: { days: 7 },
};

describe('segments', () => {
  it('computes members on create, previews while editing, pages members and exports CSV', async () => {
    const users = ['=alice', 'bob', 'carol'].map((n) => `${n}-${randomUUID()}`);
    await send([
      ...users.slice(0, 2).flatMap((userId) => [
        { type: 'track', event: 'Invite Sent', userId },
        { type: 'track', event: 'Invite Sent', userId },
      ]),
      { type: 'track', event: 'Invite Sent', userId: users[2] },
      {
        type: 'track',
        event: 'Invite Sent',
        userId: users[2],
        timestamp: new Date(Date.now() - 9 * DAY).toISOString(),
      },
    ]);
    const preview = await api<SegmentPreview>('/segments/preview', {
      rule: invitedTwice,
      sample: 1,
    });
    expect([preview.status, preview.body.count, preview.body.sample.length]).toEqual([200, 2, 1]);
    expect(users).toContain(preview.body.sample[0]?.userId);

    const created = await api<Segment>('/segments', { name: 'Inviters', rule: invitedTwice });
    expect([created.status, created.body.members]).toEqual([201, 2]);
    const page1 = await api<SegmentMembersPage>(`/segments/${created.body.id}/members?limit=1`);
    const page2 = await api<SegmentMembersPage>(
      `/segments/${created.body.id}/members?limit=1&cursor=${page1.body.nextCursor}`,
    );
    expect([...page1.body.data, ...page2.body.data].map((m) => m.userId).sort()).toEqual(
      users.slice(0, 2).sort(),
    );
    expect(page2.body.nextCursor).toBeNull();

    const response = await fetch(`${app.url}/api/v1/segments/${created.body.id}/members.csv`, {
      headers: bearer(),
    });
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = (await response.text()).trim().split('\n');
    expect(lines[0]).toBe('end_user_id,user_id,anonymous_id,entered_at');
    expect(lines).toHaveLength(3);
    expect(lines.join('\n')).toContain(`'${users[0]}`); // a leading "=" is neutralised for spreadsheets
  });

  it('keeps membership current as events and traits arrive, with entered and exited times', async () => {
    const segment = await api<Segment>('/segments', {
      name: 'Active pros',
      rule: { all: [invitedTwice, { type: 'trait', key: 'plan', op: 'eq', value: 'pro' }] },
    });
    const userId = `live-${randomUUID()}`;
    await send([
      { type: 'identify', userId, traits: { plan: 'pro' } },
      { type: 'track', event: 'Invite Sent', userId },
    ]);
    expect(await segmentsOf(userId)).toEqual([]);
    await send([{ type: 'track', event: 'Invite Sent', userId }]);
    await until(async () => (await segmentsOf(userId)).includes('Active pros'));
    await send([{ type: 'identify', userId, traits: { plan: 'free' } }]);
    await until(async () => !(await segmentsOf(userId)).includes('Active pros'));
    const history = await app.db.query<Array<{ entered_at: Date; exited_at: Date | null }>>(
      `SELECT entered_at, exited_at FROM segment_memberships WHERE workspace_id = $1 AND segment_id = $2`,
      [ws.workspaceId, segment.body.id],
    );
    expect(history).toHaveLength(1);
    expect(history[0]!.exited_at!.getTime()).toBeGreaterThanOrEqual(
      history[0]!.entered_at.getTime(),
    );
  });

  it('lets a segment use another segment, kept in dependency order', async () => {
    const base = await api<Segment>('/segments', {
      name: 'Has plan',
      rule: { type: 'trait', key: 'plan', op: 'exists' },
    });
    await api<Segment>('/segments', {
      name: 'Planless',
      rule: { type: 'segment', segmentId: base.body.id, member: false },
    });
    const userId = `dep-${randomUUID()}`;
    await send([{ type: 'track', event: 'Anything', userId }]);
    await until(async () => (await segmentsOf(userId)).includes('Planless'));
    await send([{ type: 'identify', userId, traits: { plan: 'pro' } }]);
    await until(async () => {
      const names = await segmentsOf(userId);
      return names.includes('Has plan') && !names.includes('Planless');
    });
  });

  it('drops members on refresh when time alone makes the rule false', async () => {
    const userId = `time-${randomUUID()}`;
    const almostAWeekAgo = new Date(Date.now() - 7 * DAY + 2500).toISOString();
    await send([{ type: 'track', event: 'Logged In', userId, timestamp: almostAWeekAgo }]);
    const segment = await api<Segment>('/segments', {
      name: 'Logged in this week',
      rule: { type: 'event', name: 'Logged In', window: { days: 7 } },
    });
    expect(await segmentsOf(userId)).toContain('Logged in this week');
    await new Promise((r) => setTimeout(r, 3000));
    const refreshed = await api<SegmentRefreshResult>(
      `/segments/${segment.body.id}/refresh`,
      undefined,
      'POST',
    );
    expect(refreshed.body.exited).toBe(1);
    expect(await segmentsOf(userId)).not.toContain('Logged in this week');
  });

  it('refuses page-only conditions and hides other workspaces', async () => {
    const page = await api<ErrorBody>('/segments', {
      name: 'P',
      rule: { type: 'page', op: 'contains', value: '/x' },
    });
    expect([page.status, page.body.code]).toEqual([400, 'validation_failed']);
    const segment = await api<Segment>('/segments', { name: 'Mine', rule: { all: [] } });
    const other = await createWorkspace(app.db);
    expect(
      (await api<ErrorBody>(`/segments/${segment.body.id}`, undefined, undefined, other)).status,
    ).toBe(404);
    expect(
      (
        await api<ErrorBody>(
          `/segments/${segment.body.id}/members.csv`,
          undefined,
          undefined,
          other,
        )
      ).status,
    ).toBe(404);
    expect(
      (await api<{ data: Segment[] }>('/segments', undefined, undefined, other)).body.data,
    ).toEqual([]);
  });
});

import type { ErrorBody, IngestResponse, UserExport } from '@waymark/shared';
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

const auth = (w: TestWorkspace) => ({
  authorization: `Basic ${Buffer.from(`${w.secretKey}:`).toString('base64')}`,
});
const send = async (messages: Array<Record<string, unknown>>, w = ws) => {
  const answer = await call<IngestResponse>(`${app.url}/v1/batch`, {
    headers: auth(w),
    body: { batch: messages.map((m) => ({ messageId: randomUUID(), ...m })) },
  });
  expect(answer.status).toBe(200);
};
const user = (id: string, w = ws) =>
  call<UserExport>(`${app.url}/api/v1/users/${encodeURIComponent(id)}`, {
    headers: { authorization: `Bearer ${w.secretKey}` },
  });
const at = (iso: string) => ({ timestamp: iso });
const ids = () => ({ userId: `u-${randomUUID()}`, anonymousId: `a-${randomUUID()}` });

describe('anonymous → identified', () => {
  it('gives the anonymous history to the user on identify', async () => {
    const { userId, anonymousId } = ids();
    await send([
      { type: 'track', event: 'Viewed Pricing', anonymousId },
      { type: 'page', anonymousId, name: 'Home' },
    ]);
    const before = await user(anonymousId);
    expect(before.body.userId).toBeNull();
    await send([{ type: 'identify', userId, anonymousId, traits: { email: 'x@example.com' } }]);
    const after = await user(userId);
    expect(after.status).toBe(200);
    expect(after.body.endUserId).toBe(before.body.endUserId);
    expect(after.body.anonymousIds).toEqual([anonymousId]);
    expect(after.body.traits).toEqual({ email: 'x@example.com' });
  });

  it('merges two existing people; per trait the newer value wins', async () => {
    const { userId, anonymousId } = ids();
    await send([
      {
        type: 'identify',
        anonymousId,
        traits: { plan: 'free', color: 'blue' },
        ...at('2025-01-02T00:00:00Z'),
      },
      {
        type: 'identify',
        userId,
        traits: { plan: 'pro', seats: 3 },
        ...at('2025-01-03T00:00:00Z'),
      },
      { type: 'identify', userId, traits: { color: 'red' }, ...at('2025-01-01T00:00:00Z') },
    ]);
    const anonymous = (await user(anonymousId)).body.endUserId;
    const identified = (await user(userId)).body.endUserId;
    expect(anonymous).not.toBe(identified);
    await send([{ type: 'track', event: 'Logged In', userId, anonymousId }]);
    const merged = await user(userId);
    expect(merged.body.endUserId).toBe(identified);
    expect((await user(anonymousId)).body.endUserId).toBe(identified);
    // color: the anonymous "blue" (Jan 2) is newer than the identified "red" (Jan 1).
    expect(merged.body.traits).toEqual({ plan: 'pro', seats: 3, color: 'blue' });
    expect(merged.body.traitTimes.plan).toBe('2025-01-03T00:00:00.000Z');
    const [loser] = await app.db.query<Array<{ merged_into: string }>>(
      `SELECT merged_into FROM end_users WHERE workspace_id = $1 AND id = $2`,
      [ws.workspaceId, anonymous],
    );
    expect(loser?.merged_into).toBe(identified);
  });

  it('never lets an older write overwrite a newer trait', async () => {
    const { userId } = ids();
    await send([
      { type: 'identify', userId, traits: { plan: 'pro' }, ...at('2025-03-01T00:00:00Z') },
    ]);
    await send([
      {
        type: 'identify',
        userId,
        traits: { plan: 'trial', seats: 2 },
        ...at('2025-02-01T00:00:00Z'),
      },
    ]);
    expect((await user(userId)).body.traits).toEqual({ plan: 'pro', seats: 2 });
  });

  it('alias moves a previous id to the new userId, with its history', async () => {
    const { userId, anonymousId } = ids();
    const previous = `old-${randomUUID()}`;
    await send([{ type: 'identify', userId: previous, anonymousId, traits: { name: 'Ada' } }]);
    await send([{ type: 'alias', previousId: previous, userId }]);
    const now = await user(userId);
    expect(now.body.traits).toEqual({ name: 'Ada' });
    expect(now.body.userId).toBe(userId);
    expect((await user(previous)).body.endUserId).toBe(now.body.endUserId);
  });

  it('on a shared device, a second login takes the anonymous id but not the first person', async () => {
    const device = `device-${randomUUID()}`;
    const first = `first-${randomUUID()}`;
    const second = `second-${randomUUID()}`;
    await send([
      { type: 'identify', userId: first, anonymousId: device, traits: { who: 'first' } },
    ]);
    await send([
      { type: 'identify', userId: second, anonymousId: device, traits: { who: 'second' } },
    ]);
    const a = await user(first);
    const b = await user(second);
    expect(a.body.endUserId).not.toBe(b.body.endUserId);
    expect(a.body.traits).toEqual({ who: 'first' });
    expect((await user(device)).body.endUserId).toBe(b.body.endUserId);
  });
});

describe('groups', () => {
  it('puts a user in several companies, with company traits merged by time', async () => {
    const { userId } = ids();
    const acme = `acme-${randomUUID()}`;
    const beta = `beta-${randomUUID()}`;
    await send([
      {
        type: 'group',
        userId,
        groupId: acme,
        traits: { tier: 'gold', size: 50 },
        ...at('2025-01-02T00:00:00Z'),
      },
      { type: 'group', userId, groupId: beta, traits: { tier: 'free' } },
      {
        type: 'group',
        userId,
        groupId: acme,
        traits: { tier: 'silver' },
        ...at('2025-01-01T00:00:00Z'),
      },
    ]);
    const body = (await user(userId)).body;
    expect(body.companies.map((c) => [c.id, c.traits]).sort()).toEqual(
      [
        [acme, { tier: 'gold', size: 50 }],
        [beta, { tier: 'free' }],
      ].sort(),
    );
  });
});

describe('export API', () => {
  it('answers 404 for unknown users and for other workspaces', async () => {
    const { userId } = ids();
    await send([{ type: 'identify', userId, traits: { a: 1 } }]);
    const other = await createWorkspace(app.db);
    const missing = await call<ErrorBody>(`${app.url}/api/v1/users/nobody`, {
      headers: { authorization: `Bearer ${ws.secretKey}` },
    });
    expect([missing.status, missing.body.code]).toEqual([404, 'not_found']);
    expect((await user(userId, other)).status).toBe(404);
  });
});

describe('concurrent writers', () => {
  it('merges the same people consistently when many identifies arrive at once', async () => {
    // 12 people, each seen first under 4 anonymous ids (4 separate people), then identified
    // from all 4 devices at once, in shuffled order: the writer's concurrent flushes resolve
    // overlapping ids, so their locks must serialise every decision about one person.
    const people = Array.from({ length: 12 }, () => ({
      userId: `u-${randomUUID()}`,
      anonymousIds: Array.from({ length: 4 }, () => `a-${randomUUID()}`),
    }));
    await send(
      people.flatMap((p) =>
        p.anonymousIds.map((anonymousId) => ({ type: 'track', event: 'Visited', anonymousId })),
      ),
    );
    const identifies = people.flatMap((p) =>
      p.anonymousIds.map((anonymousId, i) => ({
        type: 'identify',
        userId: p.userId,
        anonymousId,
        traits: { [`device${i}`]: true },
      })),
    );
    identifies.sort(() => Math.random() - 0.5);
    await Promise.all(identifies.map((m) => send([m])));
    for (const p of people) {
      const answer = await user(p.userId);
      expect(answer.status).toBe(200);
      expect([...answer.body.anonymousIds].sort()).toEqual([...p.anonymousIds].sort());
      expect(answer.body.traits).toEqual({
        device0: true,
        device1: true,
        device2: true,
        device3: true,
      });
    }
    // No id points at a person merged away, and every user id has one person.
    const [row] = await app.db.query<Array<{ stale: number }>>(
      `SELECT count(*)::int AS stale FROM identities i JOIN end_users u
         ON u.workspace_id = i.workspace_id AND u.id = i.end_user_id
       WHERE i.workspace_id = $1 AND u.merged_into IS NOT NULL`,
      [ws.workspaceId],
    );
    expect(row?.stale).toBe(0);
    const owners = await app.db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM end_users WHERE workspace_id = $1 AND user_id = ANY($2)
         AND merged_into IS NULL GROUP BY user_id`,
      [ws.workspaceId, people.map((p) => p.userId)],
    );
    expect(owners).toEqual(people.map(() => ({ n: 1 })));
  });

  it('gives a shared device to one of two users who log in on it at once, keeping both people', async () => {
    const anonymousId = `a-${randomUUID()}`;
    const [first, second] = [`u-${randomUUID()}`, `u-${randomUUID()}`];
    await send([{ type: 'track', event: 'Visited', anonymousId }]);
    await Promise.all(
      [first, second].map((userId) => send([{ type: 'identify', userId, anonymousId }])),
    );
    const [a, b] = await Promise.all([user(first), user(second)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.endUserId).not.toBe(b.body.endUserId);
    // The device went to exactly one of them (whichever was resolved last).
    expect([...a.body.anonymousIds, ...b.body.anonymousIds]).toEqual([anonymousId]);
  });
});

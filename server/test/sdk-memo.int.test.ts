import type { ContentDetail, ErrorBody, Experiment } from '@waymark/shared';
import { ConfigChanges } from '../src/content/config-changes';
import { AudienceEvaluator } from '../src/sdk/audience.evaluator';
import { startTwoApps, type LoggedTestApp } from './support/builder-session';
import {
  anonymous,
  builderApi,
  contentEvent,
  createTenant,
  idsOf,
  openingSoon,
  modalFlow,
  publishedItem,
  sdkEvents,
  sdkSession,
  type Tenant,
} from './support/content-fixtures';
import { call } from './support/http';

// The session memo (src/sdk/session.memo.ts) answers a request it has answered before without
// deciding again. These tests send the very same request again and again: whatever its answer
// rests on — configuration, progress, assignments, the clock's schedule boundaries — must still
// show at once, and requests whose audiences read more than the request are never remembered.

let a: LoggedTestApp;
let b: LoggedTestApp;
let decisions: jest.SpyInstance;
beforeAll(async () => {
  [a, b] = await startTwoApps();
  for (const app of [a, b]) {
    const changes = app.app.get(ConfigChanges);
    for (let i = 0; !changes.isListening && i < 300; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
  decisions = jest.spyOn(a.app.get(AudienceEvaluator), 'outcomes');
}, 120_000);
afterAll(() => Promise.all([a?.close(), b?.close()]));

/** How many sessions on instance A were decided (not answered from the memo) during `run`. */
async function decidedDuring(run: () => Promise<unknown>): Promise<number> {
  const before = decisions.mock.calls.length;
  await run();
  return decisions.mock.calls.length - before;
}

const plan = (value: string) => ({
  type: 'rule',
  rule: { type: 'trait', key: 'plan', op: 'eq', value },
});

describe('session memo', () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await createTenant(a);
  });

  it('answers the same request again from memory, with the same etag', async () => {
    const item = await publishedItem(a, t, {
      name: 'Pro tour',
      delivery: { audience: plan('pro') },
    });
    const user = anonymous();
    const first = await sdkSession(a, t.sdkKey, user, { traits: { plan: 'pro' } });
    expect(idsOf(first)).toContain(item.id);
    let again = first;
    const decided = await decidedDuring(async () => {
      again = await sdkSession(a, t.sdkKey, user, { traits: { plan: 'pro' } });
    });
    expect(decided).toBe(0);
    expect(again.body).toEqual(first.body);
    // Another trait value is another request: decided, and the audience applies.
    const other = await sdkSession(a, t.sdkKey, user, { traits: { plan: 'free' } });
    expect(idsOf(other)).not.toContain(item.id);
  });

  it('serves a configuration change made on another instance at once', async () => {
    const user = anonymous();
    const before = idsOf(await sdkSession(a, t.sdkKey, user));
    const added = await publishedItem(b, t, { name: 'Added elsewhere' });
    const after = await sdkSession(a, t.sdkKey, user);
    // NOTIFY reaches A within milliseconds; poll briefly rather than race it.
    let ids = idsOf(after);
    for (let i = 0; !ids.includes(added.id) && i < 100; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      ids = idsOf(await sdkSession(a, t.sdkKey, user));
    }
    expect(ids).toEqual(expect.arrayContaining([...before, added.id]));
  });

  it('serves the user’s progress as soon as it is written, here or on another instance', async () => {
    const tenant = await createTenant(a);
    const item = await publishedItem(a, tenant, { name: 'Once' });
    const user = anonymous();
    expect((await sdkSession(a, tenant.sdkKey, user)).body.content[0]!.progress).toBeNull();
    // Written through this instance: its cache entry is dropped before the write answers.
    await sdkEvents(a, tenant.sdkKey, user, [contentEvent('step_viewed', item, 'two')]);
    const resumed = await sdkSession(a, tenant.sdkKey, user);
    expect(resumed.body.content[0]!.progress).toEqual({ status: 'in_progress', stepId: 'two' });
    // Written through B: A hears by NOTIFY.
    await sdkEvents(b, tenant.sdkKey, user, [contentEvent('completed', item)]);
    let ids = idsOf(await sdkSession(a, tenant.sdkKey, user));
    for (let i = 0; ids.includes(item.id) && i < 100; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      ids = idsOf(await sdkSession(a, tenant.sdkKey, user));
    }
    expect(ids).not.toContain(item.id);
  });

  it('keeps the stored arm and stops serving it once the experiment stops', async () => {
    const tenant = await createTenant(a);
    const api = builderApi(a, tenant);
    const item = await publishedItem(a, tenant, {
      name: 'Tested',
      delivery: { frequency: { type: 'unlimited' } },
    });
    await api.patch(`/content/${item.id}`, { definition: modalFlow('Tested B') });
    const v2 = (await api.post<ContentDetail>(`/content/${item.id}/publish`)).body;
    const created = await api.post<Experiment>('/experiments', {
      contentId: item.id,
      name: 'Memo experiment',
      variants: [
        { key: 'a', versionId: item.publishedVersionId, weight: 1 },
        { key: 'b', versionId: v2.publishedVersionId, weight: 1 },
      ],
      goalId: 'goal-memo',
    });
    await api.post(`/experiments/${created.body.id}/start`);
    const user = anonymous();
    const armOf = async () =>
      (await sdkSession(a, tenant.sdkKey, user)).body.content.find((c) => c.id === item.id)
        ?.experiment?.variant;
    const first = await armOf();
    expect(['a', 'b']).toContain(first);
    // The first session stored the arm and was not remembered; the next ones are, with that arm.
    expect(await armOf()).toBe(first);
    expect(await decidedDuring(async () => expect(await armOf()).toBe(first))).toBe(0);
    const stopped = await api.post<Experiment>(`/experiments/${created.body.id}/stop`);
    expect(stopped.body.status).toBe('stopped');
    const served = (await sdkSession(a, tenant.sdkKey, user)).body.content.find(
      (c) => c.id === item.id,
    );
    expect(served?.experiment).toBeUndefined();
  });

  it('lets a schedule open on time for a remembered request', async () => {
    const tenant = await createTenant(a);
    const { item, untilOpen } = await openingSoon(a, tenant);
    const user = anonymous();
    expect(idsOf(await sdkSession(a, tenant.sdkKey, user))).not.toContain(item.id);
    // Remembered while closed…
    expect(await decidedDuring(() => sdkSession(a, tenant.sdkKey, user))).toBe(0);
    await untilOpen();
    // …and decided again once the start has passed.
    expect(idsOf(await sdkSession(a, tenant.sdkKey, user))).toContain(item.id);
  });

  it('never remembers a request whose audiences read more than the request', async () => {
    const tenant = await createTenant(a);
    await publishedItem(a, tenant, { name: 'Pro only', delivery: { audience: plan('pro') } });
    const user = anonymous();
    // No `plan` trait in the request: the stored traits are read, every time.
    await sdkSession(a, tenant.sdkKey, user);
    expect(await decidedDuring(() => sdkSession(a, tenant.sdkKey, user))).toBe(1);
    // An audience reading events: every time, whatever the request carries.
    await publishedItem(a, tenant, {
      name: 'Inviters',
      delivery: { audience: { type: 'rule', rule: { type: 'event', name: 'Invite Sent' } } },
    });
    const traits = { traits: { plan: 'pro' } };
    await sdkSession(a, tenant.sdkKey, user, traits);
    expect(await decidedDuring(() => sdkSession(a, tenant.sdkKey, user, traits))).toBe(1);
  });

  it('reads its body as text yet answers malformed JSON first, then a bad key, then the schema', async () => {
    const post = (raw: string, key: string) =>
      call<ErrorBody>(`${a.url}/sdk/v1/session`, {
        method: 'POST',
        raw,
        headers: { 'content-type': 'application/json', 'x-waymark-key': key },
      });
    const codeOf = async (raw: string, key: string) => {
      const answer = await post(raw, key);
      return [answer.status, answer.body.code];
    };
    expect(await codeOf('{"user":', 'wm_pk_nope')).toEqual([400, 'malformed_json']);
    expect(await codeOf('', t.sdkKey)).toEqual([400, 'malformed_json']);
    expect(await codeOf('{"user":{}}', 'wm_pk_nope')).toEqual([401, 'invalid_key']);
    expect(await codeOf('{"user":{}}', t.sdkKey)).toEqual([400, 'validation_failed']);
    expect(await codeOf('{"__proto__":{"x":1}}', t.sdkKey)).toEqual([400, 'malformed_json']);
  });
});

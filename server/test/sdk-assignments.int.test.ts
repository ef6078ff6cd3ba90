import { assignVariant, type ContentDetail, type Experiment, type SdkUser } from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import { ConfigChanges } from '../src/content/config-changes';
import { startTwoApps, type LoggedTestApp } from './support/builder-session';
import {
  builderApi,
  createTenant,
  modalFlow,
  publishedItem,
  sdkSession,
  type Tenant,
} from './support/content-fixtures';

// Two instances on one database. Each holds users' stored assignments in memory for the session;
// an arm another instance stored since must still win over a fresh hash.

let a: LoggedTestApp;
let b: LoggedTestApp;
let t: Tenant;
beforeAll(async () => {
  [a, b] = await startTwoApps();
  t = await createTenant(a);
  for (const app of [a, b]) {
    const changes = app.app.get(ConfigChanges);
    for (let i = 0; !changes.isListening && i < 300; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}, 120_000);
afterAll(() => Promise.all([a?.close(), b?.close()]));

/** A published item (for users with trait `plan` = `plan`) in a running A/B experiment. */
async function experimentOn(name: string, plan: string | null): Promise<Experiment> {
  const api = builderApi(a, t);
  const item = await publishedItem(a, t, {
    name,
    delivery: {
      frequency: { type: 'unlimited' },
      ...(plan
        ? {
            audience: {
              type: 'rule',
              rule: { type: 'trait', key: 'plan', op: 'eq', value: plan },
            },
          }
        : {}),
    },
  });
  await api.patch(`/content/${item.id}`, { definition: modalFlow(`${name} B`) });
  const b2 = (await api.post<ContentDetail>(`/content/${item.id}/publish`)).body;
  const created = await api.post<Experiment>('/experiments', {
    contentId: item.id,
    name,
    variants: [
      { key: 'a', versionId: item.publishedVersionId, weight: 1 },
      { key: 'b', versionId: b2.publishedVersionId, weight: 1 },
    ],
    goalId: 'goal-x',
  });
  expect(created.status).toBe(201);
  const started = await api.post<Experiment>(`/experiments/${created.body.id}/start`);
  expect(started.body.status).toBe('running');
  return started.body;
}

const armIn = async (app: LoggedTestApp, user: SdkUser, e: Experiment, plan?: string) =>
  (await sdkSession(app, t.sdkKey, user, plan ? { traits: { plan } } : {})).body.content.find(
    (c) => c.experiment?.experimentId === e.id,
  )?.experiment?.variant;

describe('assignment cache', () => {
  it('carries over an arm another instance stored after this one cached the user', async () => {
    const open = await experimentOn('Open test', null);
    const gated = await experimentOn('Gated test', 'pro');
    // An anonymous id and a user id that hash to different arms of the gated experiment.
    let anonymousId = '';
    let userId = '';
    for (let i = 0; !anonymousId; i++) {
      const anon = `anon-${i}-${randomUUID()}`;
      const uid = `user-${i}-${randomUUID()}`;
      if (assignVariant(gated, anon)?.key !== assignVariant(gated, uid)?.key) {
        anonymousId = anon;
        userId = uid;
      }
    }
    // B stores and then holds the anonymous user's arm of the open experiment.
    expect(await armIn(b, { anonymousId }, open)).toBe(assignVariant(open, anonymousId)?.key);
    expect(await armIn(b, { anonymousId }, open)).toBe(assignVariant(open, anonymousId)?.key);
    // A, with the trait that opens the gated item, stores the anonymous arm of that one.
    const anonymousArm = assignVariant(gated, anonymousId)?.key;
    expect(await armIn(a, { anonymousId }, gated, 'pro')).toBe(anonymousArm);
    // After sign-in on B, whose memory of the anonymous key predates that: the stored arm
    // carries over (not the user id's own hash), and stays.
    expect(await armIn(b, { anonymousId, userId }, gated, 'pro')).toBe(anonymousArm);
    expect(await armIn(b, { anonymousId, userId }, gated, 'pro')).toBe(anonymousArm);
    expect(await armIn(a, { anonymousId: `other-${randomUUID()}`, userId }, gated, 'pro')).toBe(
      anonymousArm,
    );
    const rows = (await a.db.query(
      `SELECT user_key, arm FROM experiment_assignments WHERE experiment_id = $1 ORDER BY user_key`,
      [gated.id],
    )) as Array<{ user_key: string; arm: string }>;
    expect(rows).toEqual([
      { user_key: `a:${anonymousId}`, arm: anonymousArm },
      { user_key: `u:${userId}`, arm: anonymousArm },
    ]);
  }, 60_000);

  it('serves a returning user their stored arm without reading assignments again', async () => {
    const e = await experimentOn('Quiet test', null);
    const user = { anonymousId: `anon-${randomUUID()}` };
    const arm = await armIn(a, user, e);
    expect(arm).toBe(assignVariant(e, user.anonymousId)?.key);
    expect(await armIn(a, user, e)).toBe(arm); // now held in memory
    // Changed behind the app's back (no writer does this): the cached arm is still served,
    // which shows the read comes from memory…
    await a.db.query(
      `UPDATE experiment_assignments SET arm = $2 WHERE experiment_id = $1 AND user_key = $3`,
      [e.id, arm === 'a' ? 'b' : 'a', `a:${user.anonymousId}`],
    );
    expect(await armIn(a, user, e)).toBe(arm);
    // …and a configuration change (here: the experiment renamed by SQL) starts a new generation.
    await a.db.query(`UPDATE experiments SET name = 'Quiet test 2' WHERE id = $1`, [e.id]);
    let now = arm;
    for (let i = 0; now === arm && i < 100; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      now = await armIn(a, user, e);
    }
    expect(now).toBe(arm === 'a' ? 'b' : 'a');
  }, 60_000);
});

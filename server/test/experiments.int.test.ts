import {
  assignVariant,
  type ErrorBody,
  type Experiment,
  type ExperimentExposuresResponse,
  type SdkUser,
} from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import {
  builderApi,
  createTenant,
  idsOf,
  sdkEvents,
  sdkSession,
  twoVersions,
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

const exposure = (experimentId: string, contentId: string, variant?: string) => ({
  type: 'exposure',
  experimentId,
  contentId,
  ...(variant ? { variant } : {}),
  messageId: randomUUID(),
  timestamp: new Date().toISOString(),
  properties: {},
});

const user = (i: number): SdkUser => ({ anonymousId: `anon-${i}-${randomUUID()}` });

describe('experiments', () => {
  it('assigns deterministically by GrowthBook hashing, holds out control and counts exposures once', async () => {
    const api = builderApi(app, t);
    const { item, a, b } = await twoVersions(app, t, 'Headline test');
    const created = await api.post<Experiment>('/experiments', {
      contentId: item.id,
      name: 'Headline',
      variants: [
        { key: 'a', versionId: a, weight: 1 },
        { key: 'b', versionId: b, weight: 1 },
      ],
      holdout: { weight: 1 },
      goalId: 'goal-activated',
      guardrailGoalIds: ['goal-churn'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      seed: created.body.id,
      shippedVariant: null,
    });
    const experiment = created.body;
    // Drafts change nothing.
    const before = await sdkSession(app, t.sdkKey, user(0));
    expect(before.body.content.find((c) => c.id === item.id)?.versionId).toBe(b);

    expect((await api.post<Experiment>(`/experiments/${experiment.id}/start`)).body.status).toBe(
      'running',
    );
    const seen = { a: 0, b: 0, control: 0 } as Record<string, number>;
    for (let i = 0; i < 45; i++) {
      const u = user(i);
      const expected = assignVariant(experiment, u.anonymousId)!;
      const answer = await sdkSession(app, t.sdkKey, u);
      const served = answer.body.content.find((c) => c.id === item.id);
      if (expected.arm === 'control') {
        expect(served).toBeUndefined();
        expect(answer.body.holdouts).toEqual([
          {
            id: item.id,
            kind: 'flow',
            priority: 0,
            triggers: [{ type: 'immediate' }],
            experimentId: experiment.id,
          },
        ]);
      } else {
        expect(served?.versionId).toBe(expected.versionId);
        expect(served?.experiment).toEqual({ experimentId: experiment.id, variant: expected.key });
      }
      seen[expected.key] = (seen[expected.key] ?? 0) + 1;
      // Exposure when the trigger point is reached, for control too; the client's claim is ignored.
      await sdkEvents(app, t.sdkKey, u, [exposure(experiment.id, item.id, 'b')]);
      await sdkEvents(app, t.sdkKey, u, [exposure(experiment.id, item.id, 'b')]);
    }
    expect(Object.values(seen).every((n) => n > 3)).toBe(true);
    const counts = await api.get<ExperimentExposuresResponse>(
      `/experiments/${experiment.id}/exposures`,
    );
    expect(counts.body.data).toEqual([
      { arm: 'a', versionId: a, assigned: seen.a, exposed: seen.a },
      { arm: 'b', versionId: b, assigned: seen.b, exposed: seen.b },
      { arm: 'control', versionId: null, assigned: seen.control, exposed: seen.control },
    ]);
    const [row] = await app.db.query<Array<{ assigned_at: Date; exposed_at: Date }>>(
      `SELECT assigned_at, exposed_at FROM experiment_assignments WHERE experiment_id = $1 LIMIT 1`,
      [experiment.id],
    );
    expect(row!.exposed_at.getTime()).toBeGreaterThanOrEqual(row!.assigned_at.getTime() - 1000);
  }, 60_000);

  it('keeps a user in their arm (sticky) across identify, and ships the winner to everyone', async () => {
    const api = builderApi(app, t);
    const { item, a, b } = await twoVersions(app, t, 'Sticky test');
    const experiment = (
      await api.post<Experiment>('/experiments', {
        contentId: item.id,
        name: 'Sticky',
        variants: [
          { key: 'a', versionId: a, weight: 1 },
          { key: 'b', versionId: b, weight: 1 },
        ],
        goalId: 'goal-x',
      })
    ).body;
    await api.post(`/experiments/${experiment.id}/start`);
    // An anonymous id and a user id that hash to different arms.
    let anonymousId = '';
    let userId = '';
    for (let i = 0; !anonymousId; i++) {
      const anon = `anon-sticky-${i}`;
      const uid = `user-sticky-${i}`;
      if (assignVariant(experiment, anon)?.key !== assignVariant(experiment, uid)?.key) {
        anonymousId = anon;
        userId = uid;
      }
    }
    const armOf = async (u: SdkUser) =>
      (await sdkSession(app, t.sdkKey, u)).body.content.find((c) => c.id === item.id)?.experiment
        ?.variant;
    const first = await armOf({ anonymousId });
    expect(first).toBe(assignVariant(experiment, anonymousId)?.key);
    expect(await armOf({ anonymousId, userId })).toBe(first);
    // On another device the identified user keeps the arm too.
    expect(await armOf({ anonymousId: `other-device-${randomUUID()}`, userId })).toBe(first);

    // One open experiment per item: a second cannot even be drafted while this one runs.
    const clash = await api.post<ErrorBody>('/experiments', {
      contentId: item.id,
      name: 'Clash',
      variants: [{ key: 'a', versionId: a, weight: 1 }],
      holdout: { weight: 1 },
      goalId: 'goal-x',
    });
    expect([clash.status, clash.body.code]).toEqual([409, 'conflict']);
    expect(clash.body.message).toContain('"Sticky" already runs');
    expect((await api.patch(`/experiments/${experiment.id}`, { name: 'Edited' })).status).toBe(409);

    const shipped = await api.post<Experiment>(`/experiments/${experiment.id}/ship`, {
      variant: 'a',
    });
    expect(shipped.body).toMatchObject({ status: 'shipped', shippedVariant: 'a' });
    const everyone = await sdkSession(app, t.sdkKey, { anonymousId: `n-${randomUUID()}` });
    const served = everyone.body.content.find((c) => c.id === item.id);
    expect([served?.versionId, served?.experiment]).toEqual([a, undefined]);
  });

  it('validates variants and roles; stopping serves the published version again', async () => {
    const api = builderApi(app, t);
    const { item, a, b } = await twoVersions(app, t, 'Validation test');
    const other = await twoVersions(app, t, 'Other item');
    const wrong = await api.post<ErrorBody>('/experiments', {
      contentId: item.id,
      name: 'Wrong',
      variants: [
        { key: 'a', versionId: a, weight: 1 },
        { key: 'b', versionId: other.b, weight: 1 },
      ],
      goalId: 'g',
    });
    expect([wrong.status, wrong.body.details]).toEqual([
      400,
      [{ path: 'variants.1.versionId', message: 'Not a published version of this content item.' }],
    ]);
    const lonely = await api.post<ErrorBody>('/experiments', {
      contentId: item.id,
      name: 'One arm',
      variants: [{ key: 'a', versionId: a, weight: 1 }],
      goalId: 'g',
    });
    expect(lonely.status).toBe(400);
    const experiment = (
      await api.post<Experiment>('/experiments', {
        contentId: item.id,
        name: 'All in B',
        variants: [
          { key: 'a', versionId: a, weight: 0 },
          { key: 'b', versionId: b, weight: 1 },
        ],
        holdout: { weight: 0 },
        goalId: 'g',
      })
    ).body;
    const viewer = builderApi(app, t, t.viewer);
    expect((await viewer.post(`/experiments/${experiment.id}/start`)).status).toBe(403);
    expect((await viewer.get(`/experiments/${experiment.id}`)).status).toBe(200);
    await api.post(`/experiments/${experiment.id}/start`);
    // Roll the published version back to A: the experiment still serves B to everyone.
    await api.post(`/content/${item.id}/versions/${a}/rollback`);
    const u = { anonymousId: `anon-${randomUUID()}` };
    expect(
      (await sdkSession(app, t.sdkKey, u)).body.content.find((c) => c.id === item.id)?.versionId,
    ).toBe(b);
    await api.post(`/experiments/${experiment.id}/stop`);
    const after = (await sdkSession(app, t.sdkKey, u)).body.content.find((c) => c.id === item.id);
    expect([after?.versionId, after?.experiment]).toEqual([a, undefined]);
    // Exposures for a stopped experiment are not counted.
    await sdkEvents(app, t.sdkKey, u, [exposure(experiment.id, item.id)]);
    const counts = await api.get<ExperimentExposuresResponse>(
      `/experiments/${experiment.id}/exposures`,
    );
    expect(counts.body.data.reduce((n, r) => n + r.exposed, 0)).toBe(0);
    expect(idsOf(await sdkSession(app, t.sdkKey, u))).toContain(item.id);
  });
});

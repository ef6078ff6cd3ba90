import {
  assignVariant,
  type ErrorBody,
  type Experiment,
  type ExperimentCreate,
} from '@waymark/shared';
import {
  anonymous,
  builderApi,
  createTenant,
  sdkSession,
  twoVersions,
  type Tenant,
} from './support/content-fixtures';
import { startTestApp, type TestApp } from './support/test-app';

// One experiment after another on the same content item: ended ones stay as history.

let app: TestApp;
let t: Tenant;
beforeAll(async () => {
  app = await startTestApp();
  t = await createTenant(app);
});
afterAll(() => app.close());

const abTest = (contentId: string, name: string, a: string, b: string): ExperimentCreate => ({
  contentId,
  name,
  variants: [
    { key: 'a', versionId: a, weight: 1 },
    { key: 'b', versionId: b, weight: 1 },
  ],
  holdout: null,
  goalId: 'goal-x',
  guardrailGoalIds: [],
});

describe('experiments one after another on one item', () => {
  it('allows a new experiment once the previous one shipped, and keeps the old one', async () => {
    const api = builderApi(app, t);
    const { item, a, b } = await twoVersions(app, t, 'Succession ship');
    const first = (await api.post<Experiment>('/experiments', abTest(item.id, 'First', a, b))).body;
    // A draft holds the item too: no second draft beside it.
    const beside = await api.post<ErrorBody>('/experiments', abTest(item.id, 'Beside', a, b));
    expect([beside.status, beside.body.code]).toEqual([409, 'conflict']);
    expect(beside.body.message).toContain('"First" is a draft');

    await api.post(`/experiments/${first.id}/start`);
    await api.post(`/experiments/${first.id}/ship`, { variant: 'b' });

    const second = await api.post<Experiment>('/experiments', abTest(item.id, 'Second', b, a));
    expect([second.status, second.body.status]).toEqual([201, 'draft']);
    // Its own seed: users are hashed afresh, with the same function the SDK uses.
    expect(second.body.seed).toBe(second.body.id);
    const started = await api.post<Experiment>(`/experiments/${second.body.id}/start`);
    expect(started.body.status).toBe('running');
    const user = anonymous();
    const served = (await sdkSession(app, t.sdkKey, user)).body.content.find(
      (c) => c.id === item.id,
    );
    const expected = assignVariant(started.body, user.anonymousId);
    expect(served?.experiment).toEqual({ experimentId: second.body.id, variant: expected?.key });

    // History: both are listed, the shipped one unchanged.
    const list = (await api.get<{ data: Experiment[] }>('/experiments')).body.data.filter(
      (e) => e.contentId === item.id,
    );
    expect(list.map((e) => [e.name, e.status, e.shippedVariant])).toEqual([
      ['Second', 'running', null],
      ['First', 'shipped', 'b'],
    ]);
  });

  it('allows a new experiment after a stop; the stopped one cannot run again beside it', async () => {
    const api = builderApi(app, t);
    const { item, a, b } = await twoVersions(app, t, 'Succession stop');
    const first = (await api.post<Experiment>('/experiments', abTest(item.id, 'Old', a, b))).body;
    await api.post(`/experiments/${first.id}/start`);
    await api.post(`/experiments/${first.id}/stop`);

    const next = await api.post<Experiment>('/experiments', abTest(item.id, 'New', a, b));
    expect(next.status).toBe(201);
    const restart = await api.post<ErrorBody>(`/experiments/${first.id}/start`);
    expect([restart.status, restart.body.code]).toEqual([409, 'conflict']);
    expect(restart.body.message).toContain('"New" is a draft');

    // Once the new one ended, the stopped one may run again (nothing else holds the item).
    await api.post(`/experiments/${next.body.id}/start`);
    await api.post(`/experiments/${next.body.id}/ship`, { variant: 'a' });
    expect((await api.post<Experiment>(`/experiments/${first.id}/start`)).body.status).toBe(
      'running',
    );
  });

  it('lets exactly one of two simultaneous creates through', async () => {
    const api = builderApi(app, t);
    const { item, a, b } = await twoVersions(app, t, 'Succession race');
    const answers = await Promise.all(
      ['Racer 1', 'Racer 2', 'Racer 3'].map((name) =>
        api.post<ErrorBody>('/experiments', abTest(item.id, name, a, b)),
      ),
    );
    expect(answers.map((x) => x.status).sort()).toEqual([201, 409, 409]);
    const rows = await app.db.query<Array<{ n: number }>>(
      'SELECT count(*)::int AS n FROM experiments WHERE content_id = $1',
      [item.id],
    );
    expect(rows[0]?.n).toBe(1);
  });

  it('keeps items apart: an open experiment on one item does not hold another', async () => {
    const api = builderApi(app, t);
    const one = await twoVersions(app, t, 'Apart one');
    const two = await twoVersions(app, t, 'Apart two');
    expect((await api.post('/experiments', abTest(one.item.id, 'One', one.a, one.b))).status).toBe(
      201,
    );
    expect((await api.post('/experiments', abTest(two.item.id, 'Two', two.a, two.b))).status).toBe(
      201,
    );
  });
});

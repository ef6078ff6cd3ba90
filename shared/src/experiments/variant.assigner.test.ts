import { hashToUnit } from '../hash.js';
import type { AssignableExperiment } from './experiment.schema.js';
import { assignVariant, bucketRanges } from './variant.assigner.js';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const experiment = (overrides: Partial<AssignableExperiment> = {}): AssignableExperiment => ({
  seed: 'exp-seed',
  holdout: null,
  variants: [
    { key: 'a', versionId: A, weight: 1 },
    { key: 'b', versionId: B, weight: 1 },
  ],
  ...overrides,
});

describe('assignVariant', () => {
  it('picks the arm whose GrowthBook bucket range holds hashToUnit(seed, user)', () => {
    // hashToUnit("seed", "a") = 0.0505 (a known case): the first half of a 50/50 split.
    expect(hashToUnit('seed', 'a')).toBe(0.0505);
    expect(assignVariant(experiment({ seed: 'seed' }), 'a')).toEqual({
      arm: 'variant',
      key: 'a',
      versionId: A,
    });
    // ("foo", "ab") = 0.2575: with a 50% holdout first it lands in control.
    const withHoldout = experiment({ seed: 'foo', holdout: { weight: 2 } });
    expect(bucketRanges(withHoldout).map((r) => [r.assignment.key, r.start, r.end])).toEqual([
      ['control', 0, 0.5],
      ['a', 0.5, 0.75],
      ['b', 0.75, 1],
    ]);
    expect(assignVariant(withHoldout, 'ab')).toEqual({ arm: 'control', key: 'control' });
  });

  it('is deterministic, sticks to the user and follows the weights', () => {
    const e = experiment({
      variants: [
        { key: 'a', versionId: A, weight: 9 },
        { key: 'b', versionId: B, weight: 1 },
      ],
    });
    const counts = { a: 0, b: 0 } as Record<string, number>;
    for (let i = 0; i < 10_000; i++) {
      const arm = assignVariant(e, `user-${i}`)!;
      expect(assignVariant(e, `user-${i}`)).toEqual(arm);
      counts[arm.key] = (counts[arm.key] ?? 0) + 1;
    }
    expect(counts.a! / 10_000).toBeGreaterThan(0.88);
    expect(counts.a! / 10_000).toBeLessThan(0.92);
  });

  it('never picks a zero-weight arm and answers null when nothing has traffic', () => {
    const e = experiment({
      variants: [
        { key: 'a', versionId: A, weight: 0 },
        { key: 'b', versionId: B, weight: 2 },
      ],
    });
    for (let i = 0; i < 500; i++) expect(assignVariant(e, `u${i}`)?.key).toBe('b');
    const none = experiment({ variants: [{ key: 'a', versionId: A, weight: 0 }] });
    expect(assignVariant(none, 'u1')).toBeNull();
  });
});

import { hashToUnit } from './hash.js';

describe('hashToUnit', () => {
  it.each([
    ['seed', 'a', 0.0505],
    ['foo', 'ab', 0.2575],
    ['89123klj', '8952klfjas09ujkasdf', 0.124],
  ])('(%s, %s) → %d as GrowthBook v2 does', (seed, id, expected) => {
    expect(hashToUnit(seed, id)).toBe(expected);
  });

  it('spreads ids evenly across buckets', () => {
    const buckets = [0, 0, 0, 0];
    for (let i = 0; i < 20000; i++) buckets[Math.floor(hashToUnit('exp', `user-${i}`) * 4)]! += 1;
    for (const count of buckets) expect(Math.abs(count - 5000)).toBeLessThan(300);
  });
});

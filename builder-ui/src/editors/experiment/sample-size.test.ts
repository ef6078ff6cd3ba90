import { minimumDetectableEffect, normalQuantile, sampleSizePerArm } from './sample-size';

describe('normalQuantile', () => {
  it('matches the standard normal table', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.8)).toBeCloseTo(0.841621, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232, 5);
  });
});

describe('sampleSizePerArm (two-proportion z-test, α = 0.05, power 0.8)', () => {
  it('gives the published values', () => {
    // Fleiss (no continuity correction): 10 % → 12 % needs 3,841 per group.
    expect(sampleSizePerArm(0.1, 0.02)).toBe(3841);
    // 5 % → 6 %: 8,158 per group (the Evan Miller calculator's figure).
    expect(sampleSizePerArm(0.05, 0.01)).toBe(8158);
    // 50 % → 55 %: 1,565 per group.
    expect(sampleSizePerArm(0.5, 0.05)).toBe(1565);
    expect(sampleSizePerArm(0.12, 0.02)).toBe(4438);
  });

  it('needs more users for stricter plans and fewer for bigger effects', () => {
    expect(sampleSizePerArm(0.1, 0.02, { alpha: 0.01 })!).toBeGreaterThan(3841);
    expect(sampleSizePerArm(0.1, 0.02, { power: 0.9 })!).toBeGreaterThan(3841);
    expect(sampleSizePerArm(0.1, 0.05)!).toBeLessThan(3841);
    expect(sampleSizePerArm(0.1, -0.02)!).toBeGreaterThan(3000); // a drop is detectable too
  });

  it('refuses rates that are not proportions', () => {
    expect(sampleSizePerArm(0, 0.02)).toBeNull();
    expect(sampleSizePerArm(0.99, 0.02)).toBeNull();
    expect(sampleSizePerArm(0.1, 0)).toBeNull();
  });
});

describe('minimumDetectableEffect', () => {
  it('inverts the sample size', () => {
    expect(minimumDetectableEffect(0.1, 3841)!).toBeCloseTo(0.02, 3);
    expect(minimumDetectableEffect(0.5, 1565)!).toBeCloseTo(0.05, 3);
  });

  it('is null when no lift is detectable with so few users', () => {
    expect(minimumDetectableEffect(0.1, 1)).toBeNull();
    expect(minimumDetectableEffect(0, 1000)).toBeNull();
  });
});

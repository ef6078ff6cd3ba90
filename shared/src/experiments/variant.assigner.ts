import { hashToUnit } from '../hash.js';
import type { ArmAssignment, AssignableExperiment } from './experiment.schema.js';

/**
 * The arms in bucket order: the holdout (if any) first, then the variants as listed, each
 * covering a slice of [0, 1) proportional to its weight (GrowthBook's bucket ranges).
 */
export function bucketRanges(
  experiment: AssignableExperiment,
): Array<{ assignment: ArmAssignment; start: number; end: number }> {
  const arms: Array<{ assignment: ArmAssignment; weight: number }> = [
    ...(experiment.holdout
      ? [
          {
            assignment: { arm: 'control', key: 'control' } as const,
            weight: experiment.holdout.weight,
          },
        ]
      : []),
    ...experiment.variants.map((v) => ({
      assignment: { arm: 'variant', key: v.key, versionId: v.versionId } as const,
      weight: v.weight,
    })),
  ];
  const total = arms.reduce((sum, a) => sum + a.weight, 0);
  if (total <= 0) return [];
  const lastPositive = arms.findLastIndex((a) => a.weight > 0);
  let start = 0;
  return arms.map(({ assignment, weight }, i) => {
    // The last arm with traffic ends at exactly 1, so float rounding leaves no gap.
    const end = weight === 0 ? start : i === lastPositive ? 1 : start + weight / total;
    const range = { assignment, start, end };
    start = end;
    return range;
  });
}

/**
 * Deterministic assignment: `hashToUnit(seed, userKey)` (FNV-1a 32, GrowthBook hashing v2)
 * picks the arm whose range holds it. Same inputs, same arm, on every server and SDK. Null when
 * every weight is zero.
 */
export function assignVariant(
  experiment: AssignableExperiment,
  userKey: string,
): ArmAssignment | null {
  const n = hashToUnit(experiment.seed, userKey);
  const range = bucketRanges(experiment).find((r) => n >= r.start && n < r.end && r.end > r.start);
  return range?.assignment ?? null;
}

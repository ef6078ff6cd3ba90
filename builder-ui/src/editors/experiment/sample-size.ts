/**
 * Sample size and minimum detectable effect for a two-sided two-proportion z-test (pooled
 * variance under H0, unpooled under H1; no continuity correction), the usual planning formula:
 *
 *   n = (z₁₋α/₂·√(2·p̄(1−p̄)) + z₁₋β·√(p₁(1−p₁) + p₂(1−p₂)))² / (p₂ − p₁)²,  p̄ = (p₁ + p₂)/2
 *
 * per arm. Pure; the builder shows it next to the experiment's goal.
 */

/** The standard normal quantile (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN;
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
    -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    );
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

export interface TestPlan {
  /** Two-sided significance level; default 0.05. */
  alpha?: number;
  /** Probability of detecting the effect when it is real; default 0.8. */
  power?: number;
}

const zs = ({ alpha = 0.05, power = 0.8 }: TestPlan) => ({
  za: normalQuantile(1 - alpha / 2),
  zb: normalQuantile(power),
});

/**
 * Users needed in EACH arm to detect a change from `baseline` to `baseline + delta` (absolute,
 * e.g. 0.12 → 0.14 is delta 0.02). Null when the rates are not proportions or delta is 0.
 */
export function sampleSizePerArm(
  baseline: number,
  delta: number,
  plan: TestPlan = {},
): number | null {
  const p1 = baseline;
  const p2 = baseline + delta;
  if (!(p1 > 0 && p1 < 1 && p2 > 0 && p2 < 1) || delta === 0) return null;
  const { za, zb } = zs(plan);
  const pbar = (p1 + p2) / 2;
  const root =
    za * Math.sqrt(2 * pbar * (1 - pbar)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return Math.ceil((root * root) / (delta * delta));
}

/**
 * The smallest absolute lift above `baseline` that `usersPerArm` users per arm detect with the
 * plan's power (bisection on `sampleSizePerArm`). Null when even the largest lift needs more.
 */
export function minimumDetectableEffect(
  baseline: number,
  usersPerArm: number,
  plan: TestPlan = {},
): number | null {
  if (!(baseline > 0 && baseline < 1) || !(usersPerArm > 0)) return null;
  let lo = 0;
  let hi = 1 - baseline - 1e-9;
  const needed = sampleSizePerArm(baseline, hi, plan);
  if (needed === null || needed > usersPerArm) return null;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    const n = sampleSizePerArm(baseline, mid, plan);
    if (n !== null && n <= usersPerArm) hi = mid;
    else lo = mid;
  }
  return hi;
}

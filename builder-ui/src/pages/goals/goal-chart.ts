import type { GoalStats } from '@waymark/shared';

/** Geometry of the completion chart: bars for completions per period, a line for the rate. */
export interface ChartModel {
  width: number;
  height: number;
  bars: Array<{ x: number; y: number; w: number; h: number; label: string }>;
  line: string;
  dots: Array<{ x: number; y: number }>;
  /** Rate axis ticks (0..max) as [y, label]. */
  ticks: Array<[number, string]>;
  /** A few period labels along the bottom. */
  labels: Array<{ x: number; text: string }>;
  maxRate: number;
}

const PAD = { left: 44, right: 28, top: 12, bottom: 26 };

/** "23 Oct" for an ISO period start; the text itself when it is not a date. */
function shortDate(period: string): string {
  const date = new Date(period);
  if (Number.isNaN(date.getTime())) return period.slice(0, 10);
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/** Pure: lays out `series` in a width × height box (SVG user units). */
export function chartModel(series: GoalStats['series'], width = 640, height = 200): ChartModel {
  const innerW = width - PAD.left - PAD.right;
  const innerH = height - PAD.top - PAD.bottom;
  const n = Math.max(series.length, 1);
  const step = innerW / n;
  const maxCompletions = Math.max(1, ...series.map((p) => p.completions));
  const topRate = Math.max(0.0001, ...series.map((p) => p.rate));
  // A round ceiling for the rate axis: 10 %, 20 %, 50 %, 100 %.
  const maxRate = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1].find((m) => m >= topRate) ?? 1;
  const yRate = (rate: number) => PAD.top + innerH - (rate / maxRate) * innerH;
  const bars = series.map((p, i) => {
    const h = (p.completions / maxCompletions) * innerH * 0.6;
    return {
      x: PAD.left + i * step + step * 0.15,
      y: PAD.top + innerH - h,
      w: Math.max(1, step * 0.7),
      h,
      label: `${p.period}: ${p.completions} completions, rate ${(p.rate * 100).toFixed(1)} %`,
    };
  });
  const dots = series.map((p, i) => ({ x: PAD.left + i * step + step / 2, y: yRate(p.rate) }));
  const line = dots
    .map((d, i) => `${i === 0 ? 'M' : 'L'}${d.x.toFixed(1)},${d.y.toFixed(1)}`)
    .join(' ');
  const ticks: Array<[number, string]> = [0, 0.5, 1].map((f) => [
    yRate(maxRate * f),
    `${Math.round(maxRate * f * 1000) / 10} %`,
  ]);
  const every = Math.max(1, Math.ceil(series.length / 6));
  const labels = series
    .map((p, i) => ({ x: PAD.left + i * step + step / 2, text: shortDate(p.period), i }))
    .filter((l) => l.i % every === 0)
    .map(({ x, text }) => ({ x, text }));
  return { width, height, bars, line, dots, ticks, labels, maxRate };
}

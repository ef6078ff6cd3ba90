import type { Comparison } from './rule.schema.js';

/**
 * Value semantics of the rule language, shared by the in-memory evaluator and mirrored exactly by
 * the SQL compiler (rule-sql.ts); rule-cases.json holds both to the same answers.
 *
 * - A missing value (absent or JSON null) fails every positive operator; the negative operators
 *   (neq, not_contains, not_in, not_exists) are exactly NOT of their positive.
 * - eq/in compare JSON values strictly: "1" is not 1. Text operators are case-sensitive.
 * - contains: substring of a string, or an element of an array.
 * - gt/gte/lt/lte: numbers only. Dates: ISO 8601 strings only (date, or date-time with offset).
 */

export type JsonLike = string | number | boolean | null | JsonLike[] | { [key: string]: JsonLike };

const DAY_MS = 86_400_000;

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2}))?$/;

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number): number =>
  [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;

/**
 * Milliseconds since the epoch for an ISO 8601 date (`2025-01-31`, UTC midnight) or date-time with
 * an offset (`2025-01-31T10:00:00+02:00`); null for anything else. Fractions are truncated to
 * milliseconds. The SQL function `wm_parse_ts` implements the same grammar.
 */
export function parseIsoTimestamp(text: string): number | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [h, mi, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return null;
  if (h > 23 || mi > 59 || s > 59) return null;
  const ms = Number(((m[7] ?? '') + '000').slice(0, 3));
  let offsetMin = 0;
  const zone = m[8];
  if (zone && zone !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2, 4));
    if (oh > 23 || om > 59) return null;
    offsetMin = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime() - offsetMin * 60_000;
}

export const isMissing = (v: JsonLike | undefined): v is null | undefined =>
  v === undefined || v === null;

/** Strict equality of a stored JSON value with a rule scalar. */
export const scalarEquals = (v: JsonLike | undefined, expected: unknown): boolean =>
  (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') && v === expected;

const asList = (value: Comparison['value']): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

/** The date bound a comparison means at `now`, as ms; null when the value does not fit the op. */
export function dateBound(op: Comparison['op'], value: unknown, now: number): number | null {
  if (op === 'before' || op === 'after') {
    return typeof value === 'string' ? parseIsoTimestamp(value) : null;
  }
  if (op === 'within_last_days' || op === 'more_than_days_ago') {
    return typeof value === 'number' && Number.isFinite(value) ? now - value * DAY_MS : null;
  }
  return null;
}

/** Compares an instant (ms) with a date operator; false for a missing instant. */
export function compareInstant(
  t: number | null,
  op: Comparison['op'],
  value: unknown,
  now: number,
): boolean {
  if (t === null) return false;
  const bound = dateBound(op, value, now);
  if (bound === null) return false;
  switch (op) {
    case 'before':
    case 'more_than_days_ago':
      return t < bound;
    case 'after':
      return t > bound;
    case 'within_last_days':
      return t >= bound && t <= now;
    default:
      return false;
  }
}

function positive(v: JsonLike | undefined, c: Comparison, now: number): boolean {
  if (isMissing(v)) return false;
  const value = c.value;
  switch (c.op) {
    case 'eq':
      return scalarEquals(v, value);
    case 'in':
      return asList(value).some((x) => scalarEquals(v, x));
    case 'exists':
      return true;
    case 'contains': {
      if (value === undefined || Array.isArray(value)) return false;
      if (typeof v === 'string') return v.includes(String(value));
      if (Array.isArray(v)) return v.some((x) => scalarEquals(x, value));
      return false;
    }
    case 'starts_with':
      return typeof v === 'string' && !isListOrNone(value) && v.startsWith(String(value));
    case 'ends_with':
      return typeof v === 'string' && !isListOrNone(value) && v.endsWith(String(value));
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      if (typeof v !== 'number' || typeof value !== 'number') return false;
      if (c.op === 'gt') return v > value;
      if (c.op === 'gte') return v >= value;
      if (c.op === 'lt') return v < value;
      return v <= value;
    }
    case 'before':
    case 'after':
    case 'within_last_days':
    case 'more_than_days_ago':
      return typeof v === 'string' && compareInstant(parseIsoTimestamp(v), c.op, value, now);
    default:
      return false;
  }
}

const isListOrNone = (value: unknown): boolean => value === undefined || Array.isArray(value);

/** The positive operator behind a negative one, or null when `op` is positive. */
export const negatedOp = (op: Comparison['op']): Comparison['op'] | null =>
  op === 'neq'
    ? 'eq'
    : op === 'not_contains'
      ? 'contains'
      : op === 'not_in'
        ? 'in'
        : op === 'not_exists'
          ? 'exists'
          : null;

/** Applies a comparison to a stored value (a trait, an event property, an answer). */
export function compareValue(v: JsonLike | undefined, c: Comparison, now: number): boolean {
  const base = negatedOp(c.op);
  return base ? !positive(v, { ...c, op: base }, now) : positive(v, c, now);
}

import { RRule, type Options } from 'rrule';
import type { Schedule } from './delivery.schema.js';

/** Whether a schedule is open at an instant, why, and when that answer may change next. */
export interface ScheduleVerdict {
  open: boolean;
  reason: string;
  /** The next instant the answer may change; null when it never will. */
  until: Date | null;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** A memoised verdict is trusted at most this long (DST moves wall-clock boundaries by an hour). */
const MEMO_MS = 5 * MINUTE;
/** Monday 2000-01-03 00:00 wall clock: the anchor when neither `anchor` nor `start` is given. */
const DEFAULT_ANCHOR = Date.UTC(2000, 0, 3);

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The wall-clock time in `timeZone` at `instant`, as a "floating" Date whose UTC fields hold it.
 * rrule's own TZID support is unreliable in 2.x, so recurrences are expanded in floating time.
 */
export function wallClock(instant: Date, timeZone: string): Date {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const part: Record<string, number> = {};
  for (const { type, value } of format.formatToParts(instant)) part[type] = Number(value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = part;
  return new Date(Date.UTC(year, month - 1, day, hour % 24, minute, second));
}

const parseLocal = (local: string): Date =>
  new Date(`${local.length === 16 ? `${local}:00` : local}Z`);

const present = (value: unknown): boolean =>
  value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);

/**
 * Makes explicit every default rrule would derive from DTSTART (time of day, weekday, day of
 * month), so DTSTART can later move by whole periods without changing the occurrences.
 */
function pinDefaults(options: Partial<Options>, anchor: Date): Partial<Options> {
  const pinned: Partial<Options> = { ...options };
  const freq = options.freq ?? RRule.DAILY;
  const bySomeDay = [
    options.byweekno,
    options.byyearday,
    options.bymonthday,
    options.byweekday,
    options.byeaster,
  ].some(present);
  if (!bySomeDay) {
    if (freq === RRule.YEARLY) {
      if (!present(options.bymonth)) pinned.bymonth = anchor.getUTCMonth() + 1;
      pinned.bymonthday = anchor.getUTCDate();
    } else if (freq === RRule.MONTHLY) pinned.bymonthday = anchor.getUTCDate();
    else if (freq === RRule.WEEKLY) pinned.byweekday = [(anchor.getUTCDay() + 6) % 7];
  }
  if (!present(options.byhour) && freq < RRule.HOURLY) pinned.byhour = anchor.getUTCHours();
  if (!present(options.byminute) && freq < RRule.MINUTELY) pinned.byminute = anchor.getUTCMinutes();
  if (!present(options.bysecond) && freq < RRule.SECONDLY) pinned.bysecond = anchor.getUTCSeconds();
  return pinned;
}

const fixedPeriodMs: Partial<Record<number, number>> = {
  [RRule.WEEKLY]: 7 * DAY,
  [RRule.DAILY]: DAY,
  [RRule.HOURLY]: 3_600_000,
  [RRule.MINUTELY]: MINUTE,
  [RRule.SECONDLY]: 1000,
};

/** The first instant of the rrule period (year, month, week from WKST, day…) holding `at`. */
function periodStart(at: Date, freq: number, wkst: number): Date {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth();
  const d = at.getUTCDate();
  if (freq === RRule.YEARLY) return new Date(Date.UTC(y, 0, 1));
  if (freq === RRule.MONTHLY) return new Date(Date.UTC(y, m, 1));
  if (freq === RRule.WEEKLY) {
    const weekday = (at.getUTCDay() + 6) % 7; // rrule: MO = 0
    return new Date(Date.UTC(y, m, d - ((weekday - wkst + 7) % 7)));
  }
  const period = fixedPeriodMs[freq] ?? 1000;
  return new Date(Math.floor(at.getTime() / period) * period);
}

/**
 * The latest DTSTART, a whole number of INTERVALs after the anchor's period, that is still at or
 * before `target`. Expanding from there instead of from the anchor keeps a "every 15 minutes
 * since 2000" rule from iterating millions of occurrences on every check.
 */
function shiftedStart(options: Partial<Options>, anchor: Date, target: Date): Date {
  const freq = options.freq ?? RRule.DAILY;
  const interval = options.interval ?? 1;
  const first = periodStart(anchor, freq, typeof options.wkst === 'number' ? options.wkst : 0);
  if (target <= first) return anchor;
  let steps: number;
  if (freq === RRule.YEARLY || freq === RRule.MONTHLY) {
    const months =
      (target.getUTCFullYear() - first.getUTCFullYear()) * 12 +
      target.getUTCMonth() -
      first.getUTCMonth();
    const unit = freq === RRule.YEARLY ? 12 : 1;
    steps = Math.floor(months / unit / interval) * interval;
    if (steps <= 0) return anchor;
    return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + steps * unit, 1));
  }
  const period = fixedPeriodMs[freq] ?? 1000;
  steps = Math.floor((target.getTime() - first.getTime()) / period / interval) * interval;
  return steps <= 0 ? anchor : new Date(first.getTime() + steps * period);
}

interface Compiled {
  options: Partial<Options>;
  anchor: Date;
  durationMs: number;
  memo?: { at: number; verdict: ScheduleVerdict };
}

const compiled = new WeakMap<Schedule, Compiled>();

function compile(schedule: Schedule): Compiled | null {
  const recurrence = schedule.recurrence;
  if (!recurrence) return null;
  let entry = compiled.get(schedule);
  if (!entry) {
    const anchor = recurrence.anchor
      ? parseLocal(recurrence.anchor)
      : schedule.start
        ? wallClock(new Date(schedule.start), schedule.timezone)
        : new Date(DEFAULT_ANCHOR);
    const options = pinDefaults(
      RRule.parseString(recurrence.rrule.replace(/^RRULE:/i, '')),
      anchor,
    );
    entry = { options, anchor, durationMs: recurrence.durationMinutes * MINUTE };
    compiled.set(schedule, entry);
  }
  return entry;
}

const iso = (date: Date): string => date.toISOString();

/** The recurring window at `now` (start/end already checked). */
function recurringVerdict(entry: Compiled, schedule: Schedule, now: Date): ScheduleVerdict {
  const local = wallClock(now, schedule.timezone);
  const toReal = (wall: Date): Date => new Date(now.getTime() + (wall.getTime() - local.getTime()));
  // An occurrence before this cannot have a window still open, so expansion may start here.
  const lookback = new Date(local.getTime() - entry.durationMs);
  const dtstart =
    entry.options.count === undefined || entry.options.count === null
      ? shiftedStart(entry.options, entry.anchor, lookback)
      : entry.anchor;
  const rule = new RRule({ ...entry.options, dtstart });
  const last = rule.before(local, true);
  if (last && local.getTime() < last.getTime() + entry.durationMs) {
    const closes = toReal(new Date(last.getTime() + entry.durationMs));
    return {
      open: true,
      reason: `inside the recurring window until ${iso(closes)}`,
      until: closes,
    };
  }
  const next = rule.after(local, false);
  if (!next) return { open: false, reason: 'the recurrence has no further windows', until: null };
  const opens = toReal(next);
  return {
    open: false,
    reason: `outside the recurring window; next opens ${iso(opens)}`,
    until: opens,
  };
}

const earliest = (a: Date | null, b: Date | null): Date | null =>
  a && b ? (a < b ? a : b) : (a ?? b);

/**
 * Whether content with this schedule may show at `now`: after `start`, before `end`, and inside
 * an occurrence window of the recurrence (read as wall-clock time in `timezone`). Pure; the
 * compiled rule and the last verdict are memoised per schedule object.
 */
export function scheduleVerdict(schedule: Schedule | null, now: Date): ScheduleVerdict {
  if (!schedule) return { open: true, reason: 'no schedule', until: null };
  const start = schedule.start ? new Date(schedule.start) : null;
  const end = schedule.end ? new Date(schedule.end) : null;
  if (start && now < start) return { open: false, reason: `starts ${iso(start)}`, until: start };
  if (end && now >= end) return { open: false, reason: `ended ${iso(end)}`, until: null };
  const entry = compile(schedule);
  if (!entry) {
    return { open: true, reason: end ? `running until ${iso(end)}` : 'running', until: end };
  }
  const memo = entry.memo;
  const t = now.getTime();
  if (
    memo &&
    t >= memo.at &&
    t - memo.at < MEMO_MS &&
    (!memo.verdict.until || now < memo.verdict.until)
  ) {
    return memo.verdict;
  }
  const verdict = recurringVerdict(entry, schedule, now);
  const bounded = { ...verdict, until: earliest(verdict.until, end) };
  entry.memo = { at: t, verdict: bounded };
  return bounded;
}

/** `scheduleVerdict(schedule, now).open`. */
export function isInSchedule(schedule: Schedule | null, now: Date): boolean {
  return scheduleVerdict(schedule, now).open;
}

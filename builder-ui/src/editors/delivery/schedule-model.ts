import { scheduleVerdict, wallClock, type Schedule } from '@waymark/shared';
import { RRule } from 'rrule';

/** Recurrence presets the schedule editor offers; `custom` edits the RRULE itself. */
export const PRESETS = {
  weekdays: {
    label: 'Weekdays 9–17',
    rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9;BYMINUTE=0;BYSECOND=0',
    durationMinutes: 480,
  },
  daily: {
    label: 'Every day 9–17',
    rrule: 'FREQ=DAILY;BYHOUR=9;BYMINUTE=0;BYSECOND=0',
    durationMinutes: 480,
  },
  every90: {
    label: 'Every 90 days (one day each)',
    rrule: 'FREQ=DAILY;INTERVAL=90;BYHOUR=0;BYMINUTE=0;BYSECOND=0',
    durationMinutes: 1440,
  },
  monthly: {
    label: 'First Monday of each month',
    rrule: 'FREQ=MONTHLY;BYDAY=1MO;BYHOUR=0;BYMINUTE=0;BYSECOND=0',
    durationMinutes: 1440,
  },
} as const;
export type PresetKey = keyof typeof PRESETS;

/** The preset a stored recurrence is, or `custom`. */
export function presetOf(rrule: string, durationMinutes: number): PresetKey | 'custom' {
  for (const [key, preset] of Object.entries(PRESETS)) {
    if (preset.rrule === rrule && preset.durationMinutes === durationMinutes)
      return key as PresetKey;
  }
  return 'custom';
}

/** rrule's own plain-language text ("every week on Monday, Tuesday… at 9"), or null. */
export function rruleText(rrule: string): string | null {
  try {
    return RRule.fromString(rrule.replace(/^RRULE:/i, '')).toText();
  } catch {
    return null;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as `YYYY-MM-DDTHH:mm` wall-clock time in `zone` (for datetime-local inputs). */
export function instantToLocal(iso: string, zone: string): string {
  const wall = wallClock(new Date(iso), zone);
  return `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}T${pad(
    wall.getUTCHours(),
  )}:${pad(wall.getUTCMinutes())}`;
}

/** A `YYYY-MM-DDTHH:mm` wall-clock time in `zone` as an ISO instant (UTC), or null. */
export function localToInstant(local: string, zone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const target = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  // Guess, read back the wall clock there, correct by the difference (twice for DST edges).
  let guess = target;
  for (let i = 0; i < 2; i++) guess += target - wallClock(new Date(guess), zone).getTime();
  return new Date(guess).toISOString();
}

export interface Window {
  opens: Date;
  closes: Date | null;
  /** True when the first window is already open at `now`. */
  current: boolean;
}

/**
 * The next `count` windows in which content with this schedule may show, found by walking the
 * shared `scheduleVerdict` — the very function the server decides with.
 */
export function nextWindows(schedule: Schedule, now: Date, count = 5): Window[] {
  const windows: Window[] = [];
  const copy = { ...schedule }; // the verdict memo is per object: start from a fresh one
  let at = now;
  for (let guard = 0; windows.length < count && guard < count * 4; guard++) {
    const verdict = scheduleVerdict(copy, at);
    if (verdict.open) {
      windows.push({ opens: at, closes: verdict.until, current: at === now });
      if (!verdict.until) break;
      at = verdict.until;
    } else {
      if (!verdict.until) break;
      at = verdict.until;
      const inside = scheduleVerdict(copy, at);
      if (!inside.open) continue;
      windows.push({ opens: at, closes: inside.until, current: false });
      if (!inside.until) break;
      at = inside.until;
    }
  }
  return windows;
}

/** "Mon 6 Jan 2025, 09:00" in the schedule's zone. */
export function formatInZone(date: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

import type { Schedule } from '@waymark/shared';
import {
  formatInZone,
  instantToLocal,
  localToInstant,
  nextWindows,
  presetOf,
  PRESETS,
  rruleText,
} from './schedule-model';

const helsinki = 'Europe/Helsinki';

describe('schedule model', () => {
  it('converts wall-clock time in a zone to instants and back, across DST', () => {
    expect(localToInstant('2025-01-15T09:00', helsinki)).toBe('2025-01-15T07:00:00.000Z'); // UTC+2
    expect(localToInstant('2025-07-15T09:00', helsinki)).toBe('2025-07-15T06:00:00.000Z'); // UTC+3
    expect(instantToLocal('2025-07-15T06:00:00.000Z', helsinki)).toBe('2025-07-15T09:00');
    expect(localToInstant('nonsense', helsinki)).toBeNull();
  });

  it("uses rrule's plain-language text", () => {
    expect(rruleText(PRESETS.weekdays.rrule)).toBe('every weekday');
    expect(rruleText('FREQ=DAILY;INTERVAL=90')).toBe('every 90 days');
    expect(rruleText('NOT A RULE')).toBeNull();
  });

  it('recognises presets', () => {
    expect(presetOf(PRESETS.weekdays.rrule, 480)).toBe('weekdays');
    expect(presetOf(PRESETS.weekdays.rrule, 60)).toBe('custom');
  });

  it('lists the next weekday 9–17 windows in Helsinki, as the server decides them', () => {
    const schedule: Schedule = {
      timezone: helsinki,
      recurrence: { rrule: PRESETS.weekdays.rrule, durationMinutes: 480 },
    };
    // Friday 2025-01-10 18:00 Helsinki: the next window is Monday 9:00.
    const now = new Date('2025-01-10T16:00:00Z');
    const windows = nextWindows(schedule, now, 5);
    expect(windows.map((w) => formatInZone(w.opens, helsinki))).toEqual([
      'Mon, 13 Jan 2025, 09:00',
      'Tue, 14 Jan 2025, 09:00',
      'Wed, 15 Jan 2025, 09:00',
      'Thu, 16 Jan 2025, 09:00',
      'Fri, 17 Jan 2025, 09:00',
    ]);
    expect(windows[0]!.closes!.toISOString()).toBe('2025-01-13T15:00:00.000Z');
  });

  it('includes the window already open, and stops at the end instant', () => {
    const schedule: Schedule = {
      timezone: helsinki,
      end: '2025-01-14T12:00:00Z',
      recurrence: { rrule: PRESETS.weekdays.rrule, durationMinutes: 480 },
    };
    const now = new Date('2025-01-13T08:00:00Z'); // Monday 10:00 Helsinki
    const windows = nextWindows(schedule, now, 5);
    expect(windows).toHaveLength(2);
    expect(windows[0]!.current).toBe(true);
    expect(windows[1]!.closes!.toISOString()).toBe('2025-01-14T12:00:00.000Z');
  });

  it('without a recurrence, is one window from start to end', () => {
    const windows = nextWindows(
      { timezone: 'UTC', start: '2030-01-01T00:00:00Z', end: '2030-02-01T00:00:00Z' },
      new Date('2025-01-01T00:00:00Z'),
    );
    expect(windows).toEqual([
      {
        opens: new Date('2030-01-01T00:00:00Z'),
        closes: new Date('2030-02-01T00:00:00Z'),
        current: false,
      },
    ]);
  });
});

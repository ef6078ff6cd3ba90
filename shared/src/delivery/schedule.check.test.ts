import { RRule } from 'rrule';
import { ScheduleSchema, type Schedule } from './delivery.schema.js';
import { isInSchedule, scheduleVerdict, wallClock } from './schedule.check.js';

const schedule = (input: unknown): Schedule => ScheduleSchema.parse(input);
const at = (iso: string): Date => new Date(iso);

describe('isInSchedule', () => {
  const weekdays = schedule({
    timezone: 'Europe/Helsinki',
    recurrence: {
      rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9;BYMINUTE=0;BYSECOND=0',
      durationMinutes: 8 * 60,
    },
  });

  it('opens weekdays 9–17 Helsinki time, in winter (UTC+2) and summer (UTC+3)', () => {
    // Wednesday 2025-01-08: 09:00 Helsinki is 07:00Z.
    expect(isInSchedule(weekdays, at('2025-01-08T06:59:59Z'))).toBe(false);
    expect(isInSchedule(weekdays, at('2025-01-08T07:00:00Z'))).toBe(true);
    expect(isInSchedule(weekdays, at('2025-01-08T14:59:59Z'))).toBe(true);
    expect(isInSchedule(weekdays, at('2025-01-08T15:00:00Z'))).toBe(false);
    // Wednesday 2025-07-02: 09:00 Helsinki is 06:00Z.
    expect(isInSchedule(weekdays, at('2025-07-02T05:59:00Z'))).toBe(false);
    expect(isInSchedule(weekdays, at('2025-07-02T06:00:00Z'))).toBe(true);
    expect(isInSchedule(weekdays, at('2025-07-02T13:59:00Z'))).toBe(true);
    expect(isInSchedule(weekdays, at('2025-07-02T14:00:00Z'))).toBe(false);
  });

  it('stays closed at weekends and says when it opens next', () => {
    const saturday = scheduleVerdict(weekdays, at('2025-01-11T10:00:00Z'));
    expect(saturday.open).toBe(false);
    expect(saturday.until).toEqual(at('2025-01-13T07:00:00Z'));
    expect(saturday.reason).toContain('next opens 2025-01-13T07:00:00.000Z');
  });

  it('runs "every 90 days" for one day from its start', () => {
    const nps = schedule({
      start: '2025-01-01T00:00:00Z',
      recurrence: { rrule: 'FREQ=DAILY;INTERVAL=90', durationMinutes: 24 * 60 },
    });
    expect(isInSchedule(nps, at('2025-01-01T12:00:00Z'))).toBe(true);
    expect(isInSchedule(nps, at('2025-01-02T00:00:00Z'))).toBe(false);
    expect(isInSchedule(nps, at('2025-03-31T23:59:59Z'))).toBe(false);
    expect(isInSchedule(nps, at('2025-04-01T08:00:00Z'))).toBe(true); // day 90
    const day540 = Date.UTC(2025, 0, 1) + 540 * 86_400_000; // 2026-06-25
    expect(isInSchedule(nps, new Date(day540 + 3_600_000))).toBe(true);
    expect(isInSchedule(nps, new Date(day540 - 3_600_000))).toBe(false);
  });

  it('respects start and end, and never opens after the end', () => {
    const window = schedule({ start: '2025-03-01T00:00:00Z', end: '2025-03-08T00:00:00Z' });
    expect(scheduleVerdict(window, at('2025-02-28T00:00:00Z'))).toEqual({
      open: false,
      reason: 'starts 2025-03-01T00:00:00.000Z',
      until: at('2025-03-01T00:00:00Z'),
    });
    expect(isInSchedule(window, at('2025-03-04T00:00:00Z'))).toBe(true);
    expect(scheduleVerdict(window, at('2025-03-08T00:00:00Z'))).toMatchObject({
      open: false,
      until: null,
    });
    expect(isInSchedule(null, at('2025-03-04T00:00:00Z'))).toBe(true);
  });

  it('refuses schedules that end before they start, unknown zones and bad RRULEs', () => {
    expect(
      ScheduleSchema.safeParse({ start: '2025-02-01T00:00:00Z', end: '2025-01-01T00:00:00Z' })
        .success,
    ).toBe(false);
    expect(ScheduleSchema.safeParse({ timezone: 'Mars/Olympus' }).success).toBe(false);
    for (const rrule of [
      'FREQ=SOMETIMES',
      'DTSTART:20250101T000000Z\nRRULE:FREQ=DAILY',
      'BYDAY=MO',
    ]) {
      expect(ScheduleSchema.safeParse({ recurrence: { rrule, durationMinutes: 5 } }).success).toBe(
        false,
      );
    }
  });

  it('answers a dense rule anchored long ago without expanding its whole history', () => {
    const dense = schedule({
      recurrence: {
        rrule: 'FREQ=MINUTELY;INTERVAL=15',
        durationMinutes: 5,
        anchor: '2000-01-03T00:00',
      },
    });
    const started = performance.now();
    expect(isInSchedule(dense, at('2030-06-01T10:03:00Z'))).toBe(true);
    expect(isInSchedule(dense, at('2030-06-01T10:20:00Z'))).toBe(false);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('gives the same answers as expanding the rule from its anchor (shifted expansion)', () => {
    const rules = [
      ['FREQ=MINUTELY;INTERVAL=15', 5],
      ['FREQ=HOURLY;INTERVAL=3;BYMINUTE=10', 30],
      ['FREQ=DAILY;INTERVAL=3;BYHOUR=22', 180],
      ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;BYHOUR=8', 120],
      ['FREQ=MONTHLY;BYMONTHDAY=31;BYHOUR=12', 600],
      ['FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1;BYHOUR=16', 60],
      ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', 1440],
      ['FREQ=DAILY;COUNT=40;BYHOUR=9', 60],
    ] as const;
    const anchor = '2000-01-05T07:30';
    for (const [rrule, minutes] of rules) {
      const s = schedule({
        timezone: 'America/New_York',
        recurrence: { rrule, durationMinutes: minutes, anchor },
      });
      const reference = new RRule({
        ...RRule.parseString(rrule),
        dtstart: new Date(`${anchor}:00Z`),
      });
      const years = rrule.includes('MINUTELY') || rrule.includes('HOURLY') ? 1 : 8;
      const end = Date.UTC(2000 + years, 0, 1);
      // Every occurrence once, from the anchor (the slow, obviously right way).
      const starts = reference.between(new Date(0), new Date(end + 86_400_000), true);
      // Sample instants an odd step apart so every phase of the rule is hit.
      for (let t = Date.UTC(2000, 0, 1); t < end; t += (years * 86_400_000 * 365) / 1009) {
        const now = new Date(Math.floor(t));
        const local = wallClock(now, 'America/New_York').getTime();
        const last = starts.filter((d) => d.getTime() <= local).at(-1);
        const expected = Boolean(last && local < last.getTime() + minutes * 60_000);
        expect([rrule, now.toISOString(), isInSchedule(s, now)]).toEqual([
          rrule,
          now.toISOString(),
          expected,
        ]);
      }
    }
  });
});

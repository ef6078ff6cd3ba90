import { RRule } from 'rrule';
import * as z from 'zod';
import { RuleSchema } from '../rules/rule.schema.js';
import { TriggerSchema } from '../sdk/trigger.schema.js';

/** Who may see a content item: everyone, users matching a rule, or members of saved segments. */
export const AudienceSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('everyone') }),
    z.object({ type: z.literal('rule'), rule: RuleSchema }),
    z.object({
      type: z.literal('segments'),
      segmentIds: z.array(z.string().min(1).max(100)).min(1).max(50),
      /** `any`: member of at least one (default); `all`: member of every one. */
      match: z.enum(['any', 'all']).default('any'),
    }),
  ])
  .meta({ id: 'Audience' });
export type Audience = z.infer<typeof AudienceSchema>;

/**
 * How often one user may get an item. `once`: until it was completed or dismissed (a started
 * walkthrough resumes); `until_completed`: dismissing does not stop it; `every_n_days`: again
 * once `days` have passed since it was last shown; `unlimited`: every time.
 */
export const FrequencySchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('once') }),
    z.object({ type: z.literal('until_completed') }),
    z.object({ type: z.literal('every_n_days'), days: z.number().positive().max(3650) }),
    z.object({ type: z.literal('unlimited') }),
  ])
  .meta({ id: 'Frequency' });
export type Frequency = z.infer<typeof FrequencySchema>;

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** The RRULE body only: DTSTART and TZID come from the schedule, so they are refused here. */
const parsesAsRrule = (body: string): boolean => {
  const text = body.replace(/^RRULE:/i, '');
  if (/DTSTART|TZID|\n/i.test(text)) return false;
  try {
    const options = RRule.parseString(text);
    return options.freq !== undefined && (options.count ?? 0) <= 10_000;
  } catch {
    return false;
  }
};

/** A local wall-clock time without offset, read in the schedule's time zone. */
const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'Use YYYY-MM-DDTHH:mm[:ss] (no offset).');

/**
 * A recurring window: each occurrence of `rrule` (RFC 5545, read as wall-clock time in the
 * schedule's time zone) opens a window of `durationMinutes`. "Weekdays 9–17" is
 * `FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9;BYMINUTE=0;BYSECOND=0` with 480 minutes.
 */
export const RecurrenceSchema = z.object({
  rrule: z.string().min(1).max(500).refine(parsesAsRrule, 'Not an RRULE body (RFC 5545).'),
  durationMinutes: z.int().min(1).max(527_040),
  /** The first occurrence's wall-clock start; sets the phase of INTERVAL > 1. Default: `start`. */
  anchor: LocalDateTime.optional(),
});
export type Recurrence = z.infer<typeof RecurrenceSchema>;

export const ScheduleSchema = z
  .object({
    /** Not shown before this instant. */
    start: z.iso.datetime({ offset: true }).optional(),
    /** Not shown from this instant on. */
    end: z.iso.datetime({ offset: true }).optional(),
    /** IANA time zone the recurrence is read in. Default UTC. */
    timezone: z.string().min(1).max(64).refine(isTimeZone, 'Unknown time zone.').default('UTC'),
    recurrence: RecurrenceSchema.optional(),
  })
  .refine((s) => !s.start || !s.end || Date.parse(s.start) < Date.parse(s.end), {
    message: 'The schedule must end after it starts.',
    path: ['end'],
  })
  .meta({ id: 'Schedule' });
export type Schedule = z.infer<typeof ScheduleSchema>;

const deliveryFields = {
  audience: AudienceSchema,
  /** Client-side triggers the widget watches (URL, event, delay, manual). */
  triggers: z.array(TriggerSchema).min(1).max(20),
  frequency: FrequencySchema,
  /** Higher wins when several items could show at once. */
  priority: z.int().min(-1000).max(1000),
  schedule: ScheduleSchema.nullable(),
};

/** Everything that decides who gets a content item, when, and how often. */
export const DeliverySettingsSchema = z
  .object({
    audience: deliveryFields.audience.default({ type: 'everyone' }),
    triggers: deliveryFields.triggers.default([{ type: 'immediate' }]),
    frequency: deliveryFields.frequency.default({ type: 'once' }),
    priority: deliveryFields.priority.default(0),
    schedule: deliveryFields.schedule.default(null),
  })
  .strict()
  .meta({ id: 'DeliverySettings' });
export type DeliverySettings = z.infer<typeof DeliverySettingsSchema>;

/** A change to delivery settings: each field given replaces the stored one whole. */
export const DeliveryPatchSchema = z
  .object(deliveryFields)
  .partial()
  .strict()
  .meta({ id: 'DeliveryPatch' });
export type DeliveryPatch = z.infer<typeof DeliveryPatchSchema>;

import * as z from 'zod';
import { RuleSchema } from '../rules/rule.schema.js';

export const JourneyStageSchema = z.object({
  id: z.string().regex(/^[a-z0-9_-]{1,64}$/i),
  name: z.string().trim().min(1).max(200),
  /** The user is in this stage (or past it) while this holds. */
  rule: RuleSchema,
});
export type JourneyStage = z.infer<typeof JourneyStageSchema>;

export const JourneyInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    /** In order: acquisition → activation → adoption → retention → expansion, for example. */
    stages: z
      .array(JourneyStageSchema)
      .min(1)
      .max(20)
      .refine((s) => new Set(s.map((x) => x.id)).size === s.length, 'Stage ids must be unique.'),
  })
  .meta({ id: 'JourneyInput' });
export type JourneyInput = z.infer<typeof JourneyInputSchema>;

export const JourneySchema = JourneyInputSchema.extend({
  id: z.uuid(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).meta({ id: 'Journey' });
export type Journey = z.infer<typeof JourneySchema>;

export const JourneyListSchema = z
  .object({ data: z.array(JourneySchema) })
  .meta({ id: 'JourneyList' });

export const JourneyStatsQuerySchema = z.object({
  /** A user stalls when in the same stage for longer than this. */
  stallDays: z.coerce.number().positive().max(3650).default(14),
});
export type JourneyStatsQuery = z.infer<typeof JourneyStatsQuerySchema>;

const Seconds = z.number().nullable();

export const JourneyStatsSchema = z
  .object({
    journeyId: z.uuid(),
    stages: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        /** Users whose current stage this is. */
        current: z.int(),
        /** Users who ever entered it. */
        entered: z.int(),
        /** entered(next) / entered(this); null for the last stage. */
        conversionToNext: z.number().nullable(),
        /** Time from entering this stage to entering the next, over users who moved on. */
        timeInStage: z.object({ median: Seconds, p90: Seconds, users: z.int() }),
        /** Users in this stage for longer than stallDays. */
        stalled: z.int(),
      }),
    ),
    /** The stage holding the most stalled users, or null. */
    mostStalled: z.string().nullable(),
  })
  .meta({ id: 'JourneyStats' });
export type JourneyStats = z.infer<typeof JourneyStatsSchema>;

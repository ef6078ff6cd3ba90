import * as z from 'zod';
import { PropertyFilterSchema, RuleSchema } from '../rules/rule.schema.js';

/** A goal is reached by an event (completion time = the first such event) or by a rule. */
export const GoalDefinitionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('event'),
    event: z.string().min(1).max(200),
    where: z.array(PropertyFilterSchema).max(20).default([]),
  }),
  z.object({ kind: z.literal('rule'), rule: RuleSchema }),
]);
export type GoalDefinition = z.infer<typeof GoalDefinitionSchema>;

export const GoalInputSchema = z
  .object({ name: z.string().trim().min(1).max(200), definition: GoalDefinitionSchema })
  .meta({ id: 'GoalInput' });
export type GoalInput = z.infer<typeof GoalInputSchema>;

export const GoalSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    definition: GoalDefinitionSchema,
    completions: z.int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Goal' });
export type Goal = z.infer<typeof GoalSchema>;

export const GoalListSchema = z.object({ data: z.array(GoalSchema) }).meta({ id: 'GoalList' });

export const GoalStatsQuerySchema = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  interval: z.enum(['day', 'week', 'month']).default('day'),
});
export type GoalStatsQuery = z.infer<typeof GoalStatsQuerySchema>;

/**
 * Completion rate over time: per period, completions in it, completions so far, users seen so
 * far (by first seen), and rate = completions so far / users so far.
 */
export const GoalStatsSchema = z
  .object({
    goalId: z.uuid(),
    completions: z.int(),
    users: z.int(),
    rate: z.number(),
    series: z.array(
      z.object({
        period: z.string(),
        completions: z.int(),
        cumulative: z.int(),
        users: z.int(),
        rate: z.number(),
      }),
    ),
  })
  .meta({ id: 'GoalStats' });
export type GoalStats = z.infer<typeof GoalStatsSchema>;

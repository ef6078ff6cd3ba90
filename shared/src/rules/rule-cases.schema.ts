import * as z from 'zod';
import { RuleSchema } from './rule.schema.js';

const Json = z.json();

/** One user of the rule case table; `anonymous` events belong to the user's anonymous id. */
export const RuleCaseUserSchema = z.object({
  traits: z.record(z.string(), Json),
  companies: z.array(z.record(z.string(), Json)),
  events: z.array(
    z.object({
      name: z.string(),
      ts: z.string(),
      properties: z.record(z.string(), Json),
      messageId: z.string(),
      anonymous: z.boolean().optional(),
    }),
  ),
  goals: z.array(z.string()),
  journeyStages: z.record(z.string(), z.string()),
  segments: z.array(z.string()),
  context: z
    .object({
      url: z.string().optional(),
      locale: z.string().optional(),
      viewport: z.object({ width: z.number(), height: z.number() }).optional(),
    })
    .optional(),
});
export type RuleCaseUser = z.infer<typeof RuleCaseUserSchema>;

/** rule-cases.json: the cases both rule evaluators (memory and SQL) must answer identically. */
export const RuleCaseTableSchema = z.object({
  now: z.iso.datetime(),
  users: z.record(z.string(), RuleCaseUserSchema),
  cases: z.array(
    z.object({
      name: z.string(),
      rule: RuleSchema,
      /** The users the rule holds for, in any order. */
      matches: z.array(z.string()),
      /** Page conditions: only the in-memory evaluator answers; the SQL compiler must refuse. */
      clientOnly: z.boolean().optional(),
    }),
  ),
});
export type RuleCaseTable = z.infer<typeof RuleCaseTableSchema>;

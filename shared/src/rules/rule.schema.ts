import * as z from 'zod';
import { ElementTargetSchema } from '../content/target.schema.js';

/**
 * The one rule language (DESIGN.md): segments, audiences, triggers, goals, checklist items and
 * journey stages all use it. `{all:[…]} | {any:[…]} | {not:…} | condition`, to any depth.
 * The server evaluates behavioural conditions (events, sequences, goals, stages, segments) in SQL
 * and in memory; the widget evaluates page, element, device, locale and time conditions.
 */

const Key = z.string().min(1).max(200);
const Id = z.string().min(1).max(100);
const Scalar = z.union([z.string().max(1000), z.number(), z.boolean()]);

export const ComparisonOpSchema = z.enum([
  'eq',
  'neq',
  'contains',
  'not_contains',
  'starts_with',
  'ends_with',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'not_in',
  'exists',
  'not_exists',
  /** Dates: before/after an ISO date, or within the last N days. */
  'before',
  'after',
  'within_last_days',
  'more_than_days_ago',
]);
export type ComparisonOp = z.infer<typeof ComparisonOpSchema>;

/** A comparison of one value (a trait, an event property, an answer) with `value`. */
export const ComparisonSchema = z.object({
  op: ComparisonOpSchema,
  /** Absent for exists/not_exists; an array for in/not_in; days for within_last_days. */
  value: z.union([Scalar, z.array(Scalar).max(500)]).optional(),
});
export type Comparison = z.infer<typeof ComparisonSchema>;

export const PropertyFilterSchema = ComparisonSchema.extend({ property: Key });
export type PropertyFilter = z.infer<typeof PropertyFilterSchema>;

export const CountSchema = z.object({
  op: z.enum(['gte', 'lte', 'eq']),
  value: z.int().min(0).max(1_000_000),
});

/** A time window ending now. */
export const WindowSchema = z.object({ days: z.number().positive().max(3650) });

export const ConditionSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('trait'), key: Key, ...ComparisonSchema.shape }),
    z.object({ type: z.literal('company_trait'), key: Key, ...ComparisonSchema.shape }),
    z.object({
      type: z.literal('event'),
      name: Key,
      where: z.array(PropertyFilterSchema).max(20).default([]),
      /** Default: at least once. */
      count: CountSchema.default({ op: 'gte', value: 1 }),
      /** Default: ever. */
      window: WindowSchema.optional(),
    }),
    z.object({
      type: z.literal('sequence'),
      /** Event names in order: A then B (then C…). */
      steps: z.array(Key).min(2).max(10),
      within: WindowSchema,
    }),
    z.object({
      type: z.literal('first_seen'),
      op: z.enum(['before', 'after', 'within_last_days', 'more_than_days_ago']),
      value: z.union([z.iso.datetime({ offset: true }), z.number().positive()]),
    }),
    z.object({
      type: z.literal('last_seen'),
      op: z.enum(['before', 'after', 'within_last_days', 'more_than_days_ago']),
      value: z.union([z.iso.datetime({ offset: true }), z.number().positive()]),
    }),
    z.object({
      type: z.literal('survey_answer'),
      contentId: Id,
      questionId: Id.optional(),
      ...ComparisonSchema.shape,
    }),
    z.object({
      type: z.literal('content'),
      contentId: Id,
      state: z.enum(['seen', 'completed', 'dismissed', 'not_seen']),
    }),
    z.object({ type: z.literal('goal'), goalId: Id, reached: z.boolean().default(true) }),
    z.object({ type: z.literal('journey_stage'), journeyId: Id, stageId: Id }),
    z.object({ type: z.literal('segment'), segmentId: Id, member: z.boolean().default(true) }),
    z.object({
      type: z.literal('page'),
      op: z.enum(['eq', 'contains', 'starts_with', 'matches']),
      /** For `matches`: a path pattern where `*` matches any run of characters. */
      value: z.string().min(1).max(1000),
    }),
    z.object({
      type: z.literal('element'),
      target: ElementTargetSchema,
      state: z.enum(['present', 'visible', 'absent']),
    }),
    z.object({
      type: z.literal('device'),
      kind: z.enum(['mobile', 'tablet', 'desktop']).optional(),
      minWidth: z.int().min(0).optional(),
      maxWidth: z.int().min(0).optional(),
    }),
    z.object({
      type: z.literal('locale'),
      op: z.enum(['eq', 'in', 'starts_with']),
      value: z.union([z.string().min(2).max(35), z.array(z.string().min(2).max(35)).max(100)]),
    }),
    z.object({
      type: z.literal('time_window'),
      /** 0 = Sunday … 6 = Saturday; default every day. */
      days: z.array(z.int().min(0).max(6)).max(7).optional(),
      startHour: z.int().min(0).max(23),
      endHour: z.int().min(1).max(24),
      timezone: z.string().min(1).max(64),
    }),
  ])
  .meta({ id: 'Condition' });
export type Condition = z.infer<typeof ConditionSchema>;

export type Rule = { all: Rule[] } | { any: Rule[] } | { not: Rule } | Condition;
type RuleInput =
  | { all: RuleInput[] }
  | { any: RuleInput[] }
  | { not: RuleInput }
  | z.input<typeof ConditionSchema>;

/** Nesting deeper than this is refused: rules come from users and are evaluated recursively. */
export const MAX_RULE_DEPTH = 12;

export const RuleSchema: z.ZodType<Rule, RuleInput> = z
  .lazy(() =>
    z.union([
      z.object({ all: z.array(RuleSchema).max(100) }).strict(),
      z.object({ any: z.array(RuleSchema).max(100) }).strict(),
      z.object({ not: RuleSchema }).strict(),
      ConditionSchema,
    ]),
  )
  .refine((rule) => depthOf(rule) <= MAX_RULE_DEPTH, `Rules nest at most ${MAX_RULE_DEPTH} deep.`)
  .meta({ id: 'Rule' });

function depthOf(rule: Rule): number {
  if ('all' in rule) return 1 + Math.max(0, ...rule.all.map(depthOf));
  if ('any' in rule) return 1 + Math.max(0, ...rule.any.map(depthOf));
  if ('not' in rule) return 1 + depthOf(rule.not);
  return 1;
}

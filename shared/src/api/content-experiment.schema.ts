import * as z from 'zod';
import {
  ExperimentStatusSchema,
  ExperimentVariantSchema,
  HoldoutSchema,
  VariantKeySchema,
} from '../experiments/experiment.schema.js';
import { WorkspaceParamsSchema } from './content.schema.js';

const GoalId = z.string().min(1).max(100);

const experimentFields = {
  name: z.string().trim().min(1).max(200),
  /** Each variant shows one published version of the item. */
  variants: z.array(ExperimentVariantSchema).min(1).max(10),
  /** Optional holdout: its users see nothing (their exposure is still recorded). */
  holdout: HoldoutSchema.nullable(),
  /** The goal the experiment is judged on (goal ids come from the goals API). */
  goalId: GoalId,
  /** Goals that must not get worse. */
  guardrailGoalIds: z.array(GoalId).max(10),
};

const armsAreValid = (e: {
  variants?: Array<{ key: string }> | undefined;
  holdout?: { weight: number } | null | undefined;
}): boolean => {
  if (!e.variants) return true;
  const keys = e.variants.map((v) => v.key.toLowerCase());
  return new Set(keys).size === keys.length && (e.variants.length >= 2 || Boolean(e.holdout));
};
const armsMessage = {
  message: 'Variant keys must be unique; use two variants, or one with a holdout.',
  path: ['variants'],
};

export const ExperimentCreateSchema = z
  .object({
    contentId: z.uuid(),
    ...experimentFields,
    holdout: experimentFields.holdout.default(null),
    guardrailGoalIds: experimentFields.guardrailGoalIds.default([]),
    /** Hash seed; default the experiment's id. Changing it reshuffles new users. */
    seed: z.string().min(1).max(100).optional(),
  })
  .strict()
  .refine(armsAreValid, armsMessage)
  .meta({ id: 'ExperimentCreate' });
export type ExperimentCreate = z.infer<typeof ExperimentCreateSchema>;

/** Only a draft experiment can be edited. */
export const ExperimentUpdateSchema = z
  .object(experimentFields)
  .partial()
  .strict()
  .refine(armsAreValid, armsMessage)
  .meta({ id: 'ExperimentUpdate' });
export type ExperimentUpdate = z.infer<typeof ExperimentUpdateSchema>;

export const ExperimentSchema = z
  .object({
    id: z.uuid(),
    contentId: z.uuid(),
    ...experimentFields,
    status: ExperimentStatusSchema,
    seed: z.string(),
    startedAt: z.string().nullable(),
    stoppedAt: z.string().nullable(),
    /** The variant rolled out to everyone when shipped. */
    shippedVariant: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Experiment' });
export type Experiment = z.infer<typeof ExperimentSchema>;

export const ExperimentListResponseSchema = z
  .object({ data: z.array(ExperimentSchema) })
  .meta({ id: 'ExperimentList' });

export const ExperimentShipSchema = z
  .object({ variant: VariantKeySchema })
  .strict()
  .meta({ id: 'ExperimentShip' });
export type ExperimentShip = z.infer<typeof ExperimentShipSchema>;

/** Assignment and exposure counts per arm: what the statistics will start from. */
export const ExperimentExposuresResponseSchema = z
  .object({
    data: z.array(
      z.object({
        arm: z.string(),
        versionId: z.uuid().nullable(),
        assigned: z.int(),
        exposed: z.int(),
      }),
    ),
  })
  .meta({ id: 'ExperimentExposures' });
export type ExperimentExposuresResponse = z.infer<typeof ExperimentExposuresResponseSchema>;

export const ExperimentParamsSchema = WorkspaceParamsSchema.extend({ experimentId: z.uuid() });
export type ExperimentParams = z.infer<typeof ExperimentParamsSchema>;

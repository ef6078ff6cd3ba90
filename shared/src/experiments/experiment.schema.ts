import * as z from 'zod';

export const ExperimentStatusSchema = z.enum(['draft', 'running', 'stopped', 'shipped']);
export type ExperimentStatus = z.infer<typeof ExperimentStatusSchema>;

/** `control` is reserved for the holdout arm. */
export const VariantKeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,31}$/i, 'Letters, digits, - and _, at most 32.')
  .refine((key) => key.toLowerCase() !== 'control', '`control` names the holdout.');

/** One arm that shows content: an exact, published (immutable) version of the item. */
export const ExperimentVariantSchema = z
  .object({
    key: VariantKeySchema,
    name: z.string().min(1).max(100).optional(),
    versionId: z.uuid(),
    /** Relative weight; arms share traffic in proportion to their weights. */
    weight: z.number().min(0).max(1000),
  })
  .meta({ id: 'ExperimentVariant' });
export type ExperimentVariant = z.infer<typeof ExperimentVariantSchema>;

/** The holdout (control) arm: users in it are shown nothing, but their exposure is recorded. */
export const HoldoutSchema = z.object({ weight: z.number().min(0).max(1000) });
export type Holdout = z.infer<typeof HoldoutSchema>;

/** The part of an experiment that assignment needs; any SDK can reproduce it. */
export interface AssignableExperiment {
  /** Hash seed; GrowthBook uses the experiment key. Ours defaults to the experiment id. */
  seed: string;
  holdout: Holdout | null;
  variants: ReadonlyArray<Pick<ExperimentVariant, 'key' | 'versionId' | 'weight'>>;
}

/** The arm a user is in. */
export type ArmAssignment =
  { arm: 'control'; key: 'control' } | { arm: 'variant'; key: string; versionId: string };

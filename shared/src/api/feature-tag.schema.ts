import * as z from 'zod';
import { ElementTargetSchema, type ElementTarget } from '../content/target.schema.js';
import { WorkspaceParamsSchema } from './content.schema.js';

/** The event a tag sends; `$` names are the system's own (`$survey_answered`, …). */
export const FeatureTagNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((name) => !name.startsWith('$'), 'names starting with $ are reserved');

/** A path pattern: `*` matches any run of characters, as in URL triggers (`/projects/*`). */
export const FeatureTagUrlSchema = z.string().trim().min(1).max(500);

const hasSignal = (t: ElementTarget): boolean =>
  !!(t.selector || t.path || t.text || t.tag || t.role || Object.keys(t.attributes).length > 0);

/** A click tag needs something to find its element by. */
export const FeatureTagTargetSchema = ElementTargetSchema.refine(hasSignal, {
  message: 'pick an element or write a selector',
});

/** What an editor sends to create or replace a feature tag (see `FeatureTagSchema` in sdk/). */
export const FeatureTagInputSchema = z
  .discriminatedUnion('kind', [
    z.object({
      name: FeatureTagNameSchema,
      kind: z.literal('click'),
      target: FeatureTagTargetSchema,
      /** Only on pages whose path matches. */
      url: FeatureTagUrlSchema.optional(),
    }),
    z.object({ name: FeatureTagNameSchema, kind: z.literal('page'), url: FeatureTagUrlSchema }),
  ])
  .meta({ id: 'FeatureTagInput' });
export type FeatureTagInput = z.infer<typeof FeatureTagInputSchema>;

const recordFields = {
  id: z.uuid(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Events with this tag's name in the last 30 days (any source). */
  events30d: z.int().min(0),
};

export const FeatureTagRecordSchema = z
  .discriminatedUnion('kind', [
    z.object({
      ...recordFields,
      name: z.string(),
      kind: z.literal('click'),
      target: ElementTargetSchema,
      url: z.string().optional(),
    }),
    z.object({ ...recordFields, name: z.string(), kind: z.literal('page'), url: z.string() }),
  ])
  .meta({ id: 'FeatureTagRecord' });
export type FeatureTagRecord = z.infer<typeof FeatureTagRecordSchema>;

export const FeatureTagListSchema = z
  .object({ data: z.array(FeatureTagRecordSchema) })
  .meta({ id: 'FeatureTagList' });
export type FeatureTagList = z.infer<typeof FeatureTagListSchema>;

export const FeatureTagParamsSchema = WorkspaceParamsSchema.extend({ featureTagId: z.uuid() });
export type FeatureTagParams = z.infer<typeof FeatureTagParamsSchema>;

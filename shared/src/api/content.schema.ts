import * as z from 'zod';
import {
  ContentDefinitionSchema,
  ContentKindSchema,
  ContentStatusSchema,
} from '../content/content.schema.js';
import {
  AudienceSchema,
  DeliveryPatchSchema,
  DeliverySettingsSchema,
} from '../delivery/delivery.schema.js';

export const ContentSummarySchema = z
  .object({
    id: z.uuid(),
    kind: ContentKindSchema,
    name: z.string(),
    status: ContentStatusSchema,
    publishedVersion: z.int().nullable(),
    /** True when there are unpublished changes (or the item was never published). */
    hasDraft: z.boolean(),
    priority: z.int(),
    /** Who may see it (delivery settings), for lists. */
    audience: AudienceSchema,
    updatedAt: z.string(),
  })
  .meta({ id: 'ContentSummary' });
export type ContentSummary = z.infer<typeof ContentSummarySchema>;

export const ContentListResponseSchema = z
  .object({ data: z.array(ContentSummarySchema) })
  .meta({ id: 'ContentList' });

export const WorkspaceParamsSchema = z.object({ workspaceId: z.uuid() });
export const ContentParamsSchema = WorkspaceParamsSchema.extend({ contentId: z.uuid() });
export const ContentVersionParamsSchema = ContentParamsSchema.extend({ versionId: z.uuid() });
export type WorkspaceParams = z.infer<typeof WorkspaceParamsSchema>;
export type ContentParams = z.infer<typeof ContentParamsSchema>;
export type ContentVersionParams = z.infer<typeof ContentVersionParamsSchema>;

const Name = z.string().trim().min(1).max(200);

/** A new item; its kind is the definition's `kind`. */
export const ContentCreateSchema = z
  .object({
    name: Name,
    definition: ContentDefinitionSchema,
    /** A shared theme (see themes); the definition's own `theme` fields override it. */
    themeId: z.uuid().nullable().default(null),
    delivery: DeliverySettingsSchema.optional(),
  })
  .strict()
  .meta({ id: 'ContentCreate' });
export type ContentCreate = z.infer<typeof ContentCreateSchema>;

/**
 * A change. `definition` and `themeId` edit the draft (made from the published version when
 * there is none); `name` and `delivery` apply to the item at once, published or not.
 */
export const ContentUpdateSchema = z
  .object({
    name: Name.optional(),
    definition: ContentDefinitionSchema.optional(),
    themeId: z.uuid().nullable().optional(),
    delivery: DeliveryPatchSchema.optional(),
  })
  .strict()
  .meta({ id: 'ContentUpdate' });
export type ContentUpdate = z.infer<typeof ContentUpdateSchema>;

export const ContentVersionSummarySchema = z
  .object({
    id: z.uuid(),
    version: z.int(),
    /** Null for the draft; published versions never change. */
    publishedAt: z.string().nullable(),
    /** The version users get now. */
    current: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'ContentVersionSummary' });
export type ContentVersionSummary = z.infer<typeof ContentVersionSummarySchema>;

export const ContentVersionSchema = ContentVersionSummarySchema.extend({
  definition: ContentDefinitionSchema,
  themeId: z.uuid().nullable(),
}).meta({ id: 'ContentVersion' });
export type ContentVersionDetail = z.infer<typeof ContentVersionSchema>;

export const ContentVersionListResponseSchema = z
  .object({ data: z.array(ContentVersionSummarySchema) })
  .meta({ id: 'ContentVersionList' });

export const ContentDetailSchema = z
  .object({
    id: z.uuid(),
    kind: ContentKindSchema,
    name: z.string(),
    status: ContentStatusSchema,
    delivery: DeliverySettingsSchema,
    publishedVersionId: z.uuid().nullable(),
    publishedVersion: z.int().nullable(),
    /** The editable draft, or null when the published version has no pending changes. */
    draft: ContentVersionSchema.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ContentDetail' });
export type ContentDetail = z.infer<typeof ContentDetailSchema>;

/** What deleting answers. */
export const ContentDeletedSchema = z.object({ ok: z.literal(true) });

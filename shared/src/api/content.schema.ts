import { z } from 'zod';
import { ContentKindSchema, ContentStatusSchema } from '../content/content.schema.js';

export const ContentSummarySchema = z
  .object({
    id: z.uuid(),
    kind: ContentKindSchema,
    name: z.string(),
    status: ContentStatusSchema,
    publishedVersion: z.int().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ContentSummary' });
export type ContentSummary = z.infer<typeof ContentSummarySchema>;

export const ContentListResponseSchema = z
  .object({ data: z.array(ContentSummarySchema) })
  .meta({ id: 'ContentList' });

export const WorkspaceParamsSchema = z.object({ workspaceId: z.uuid() });

import * as z from 'zod';
import { RuleSchema } from '../rules/rule.schema.js';

export const SegmentIdParamsSchema = z.object({ id: z.uuid() });

export const SegmentInputSchema = z
  .object({ name: z.string().trim().min(1).max(200), rule: RuleSchema })
  .meta({ id: 'SegmentInput' });
export type SegmentInput = z.infer<typeof SegmentInputSchema>;

export const SegmentSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    rule: RuleSchema,
    members: z.int(),
    refreshedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Segment' });
export type Segment = z.infer<typeof SegmentSchema>;

export const SegmentListSchema = z
  .object({ data: z.array(SegmentSchema) })
  .meta({ id: 'SegmentList' });

export const SegmentPreviewRequestSchema = z
  .object({ rule: RuleSchema, sample: z.int().min(0).max(100).default(10) })
  .meta({ id: 'SegmentPreviewRequest' });
export type SegmentPreviewRequest = z.infer<typeof SegmentPreviewRequestSchema>;

export const SegmentMemberSchema = z.object({
  endUserId: z.uuid(),
  userId: z.string().nullable(),
  anonymousId: z.string().nullable(),
  enteredAt: z.string().optional(),
});
export type SegmentMember = z.infer<typeof SegmentMemberSchema>;

export const SegmentPreviewSchema = z
  .object({ count: z.int(), sample: z.array(SegmentMemberSchema), ms: z.number() })
  .meta({ id: 'SegmentPreview' });
export type SegmentPreview = z.infer<typeof SegmentPreviewSchema>;

export const SegmentRefreshResultSchema = z
  .object({ members: z.int(), entered: z.int(), exited: z.int(), ms: z.number() })
  .meta({ id: 'RefreshResult' });
export type SegmentRefreshResult = z.infer<typeof SegmentRefreshResultSchema>;

export const SegmentMembersQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().max(200).optional(),
});
export type SegmentMembersQuery = z.infer<typeof SegmentMembersQuerySchema>;

export const SegmentMembersPageSchema = z
  .object({ data: z.array(SegmentMemberSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'MembersPage' });
export type SegmentMembersPage = z.infer<typeof SegmentMembersPageSchema>;

export const SegmentDeletedSchema = z.object({ deleted: z.literal(true) });

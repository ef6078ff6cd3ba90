import * as z from 'zod';
import { JsonValueSchema, SdkUserSchema } from './session.schema.js';

/**
 * `POST /sdk/v1/progress`: where a user is in a content item, saved per user so a walkthrough
 * resumes on another page or device. Survey answers travel here too (and become events).
 */
export const ProgressUpdateSchema = z
  .object({
    contentId: z.uuid(),
    versionId: z.uuid(),
    status: z.enum(['in_progress', 'completed', 'dismissed']),
    stepId: z.string().min(1).max(64).optional(),
    /** Survey answers by question id. */
    answers: z.record(z.string().min(1).max(64), JsonValueSchema).optional(),
    /** Checklist items done, by item id. */
    items: z.array(z.string().min(1).max(64)).max(100).optional(),
    timestamp: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'ProgressUpdate' });
export type ProgressUpdate = z.infer<typeof ProgressUpdateSchema>;

export const ProgressRequestSchema = z
  .object({
    user: SdkUserSchema,
    updates: z.array(ProgressUpdateSchema).min(1).max(50),
    /** HMAC-SHA256 of the user id, when the workspace requires verified identities. */
    userHash: z.string().max(200).optional(),
  })
  .meta({ id: 'ProgressRequest' });
export type ProgressRequest = z.infer<typeof ProgressRequestSchema>;

export const ProgressResponseSchema = z.object({ saved: z.int() }).meta({ id: 'ProgressResponse' });
export type ProgressResponse = z.infer<typeof ProgressResponseSchema>;

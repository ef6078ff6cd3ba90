import * as z from 'zod';
import { DisplayNameSchema } from './account.schema.js';
import { RoleSchema } from './auth.schema.js';

/** Path parameters of every route under `/api/workspaces/{workspaceId}`. */
export const WorkspaceIdParamsSchema = z.object({ workspaceId: z.uuid() });
export type WorkspaceIdParams = z.infer<typeof WorkspaceIdParamsSchema>;

/** The customer's app: an absolute http(s) URL, no credentials in it. */
export const AppUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .refine((value) => {
    const url = URL.canParse(value) ? new URL(value) : null;
    return !url || (url.username === '' && url.password === '');
  }, 'must not contain a user name or password');

export const WorkspaceSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    /** The caller's role in this workspace. */
    role: RoleSchema,
    /** When true, `/sdk/v1/session` refuses a user id without a valid `userHash`. */
    requireIdentityVerification: z.boolean(),
    /** The customer's app, where the element picker and previews open; null: the demo app. */
    appUrl: z.string().nullable(),
    /** Events older than this many days are deleted; null keeps them forever (the default). */
    eventRetentionDays: z.number().int().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Workspace' });
export type Workspace = z.infer<typeof WorkspaceSchema>;

export const WorkspaceCreateSchema = z
  .object({ name: DisplayNameSchema })
  .meta({ id: 'WorkspaceCreate' });
export type WorkspaceCreate = z.infer<typeof WorkspaceCreateSchema>;

export const WorkspaceUpdateSchema = z
  .object({
    name: DisplayNameSchema.optional(),
    requireIdentityVerification: z.boolean().optional(),
    /** An http(s) URL of the customer's app; null clears it. */
    appUrl: AppUrlSchema.nullable().optional(),
    /** Days of events to keep (1–36,500); null keeps them forever. */
    eventRetentionDays: z.number().int().min(1).max(36_500).nullable().optional(),
  })
  .meta({ id: 'WorkspaceUpdate' });
export type WorkspaceUpdate = z.infer<typeof WorkspaceUpdateSchema>;

/**
 * The workspace's identity-verification secret. The customer's server sends
 * `userHash = hex(HMAC-SHA256(userId, secret))` to the widget; never put it in browser code.
 */
export const IdentitySecretSchema = z.object({ secret: z.string() }).meta({ id: 'IdentitySecret' });
export type IdentitySecret = z.infer<typeof IdentitySecretSchema>;

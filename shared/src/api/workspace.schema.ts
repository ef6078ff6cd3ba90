import { z } from 'zod';
import { DisplayNameSchema } from './account.schema.js';
import { RoleSchema } from './auth.schema.js';

/** Path parameters of every route under `/api/workspaces/{workspaceId}`. */
export const WorkspaceIdParamsSchema = z.object({ workspaceId: z.uuid() });
export type WorkspaceIdParams = z.infer<typeof WorkspaceIdParamsSchema>;

export const WorkspaceSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    /** The caller's role in this workspace. */
    role: RoleSchema,
    /** When true, `/sdk/v1/session` refuses a user id without a valid `userHash`. */
    requireIdentityVerification: z.boolean(),
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
  })
  .meta({ id: 'WorkspaceUpdate' });
export type WorkspaceUpdate = z.infer<typeof WorkspaceUpdateSchema>;

/**
 * The workspace's identity-verification secret. The customer's server sends
 * `userHash = hex(HMAC-SHA256(userId, secret))` to the widget; never put it in browser code.
 */
export const IdentitySecretSchema = z.object({ secret: z.string() }).meta({ id: 'IdentitySecret' });
export type IdentitySecret = z.infer<typeof IdentitySecretSchema>;

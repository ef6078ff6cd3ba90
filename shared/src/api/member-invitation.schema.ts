import * as z from 'zod';
import { RoleSchema } from './auth.schema.js';

export const InvitationSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: RoleSchema,
    invitedBy: z.string().nullable(),
    expiresAt: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Invitation' });
export type Invitation = z.infer<typeof InvitationSchema>;

export const InvitationListSchema = z
  .object({ data: z.array(InvitationSchema) })
  .meta({ id: 'InvitationList' });
export type InvitationList = z.infer<typeof InvitationListSchema>;

export const InvitationCreateSchema = z
  .object({ email: z.email().max(320), role: RoleSchema })
  .meta({ id: 'InvitationCreate' });
export type InvitationCreate = z.infer<typeof InvitationCreateSchema>;

/** The token and link are returned once; only the token's hash is stored. */
export const InvitationCreatedSchema = z
  .object({ invitation: InvitationSchema, token: z.string(), url: z.string() })
  .meta({ id: 'InvitationCreated' });
export type InvitationCreated = z.infer<typeof InvitationCreatedSchema>;

export const InvitationParamsSchema = z.object({ workspaceId: z.uuid(), invitationId: z.uuid() });
export type InvitationParams = z.infer<typeof InvitationParamsSchema>;

export const InvitationAcceptSchema = z
  .object({ token: z.string().min(1).max(200) })
  .meta({ id: 'InvitationAccept' });
export type InvitationAccept = z.infer<typeof InvitationAcceptSchema>;

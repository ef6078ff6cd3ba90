import * as z from 'zod';
import { RoleSchema } from './auth.schema.js';

export const MemberSchema = z
  .object({
    accountId: z.uuid(),
    email: z.string(),
    role: RoleSchema,
    joinedAt: z.string(),
  })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof MemberSchema>;

export const MemberListSchema = z
  .object({ data: z.array(MemberSchema) })
  .meta({ id: 'MemberList' });
export type MemberList = z.infer<typeof MemberListSchema>;

export const MemberParamsSchema = z.object({ workspaceId: z.uuid(), accountId: z.uuid() });
export type MemberParams = z.infer<typeof MemberParamsSchema>;

export const MemberUpdateSchema = z.object({ role: RoleSchema }).meta({ id: 'MemberUpdate' });
export type MemberUpdate = z.infer<typeof MemberUpdateSchema>;

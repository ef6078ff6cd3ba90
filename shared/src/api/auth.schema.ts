import * as z from 'zod';

export const LoginRequestSchema = z
  .object({
    email: z.email().max(320),
    password: z.string().min(1).max(200),
  })
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/** Owners manage members, keys and settings; editors change content; viewers change nothing. */
export const RoleSchema = z.enum(['owner', 'editor', 'viewer']);
export type Role = z.infer<typeof RoleSchema>;

/** One entry of the workspace switcher. */
export const WorkspaceSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: RoleSchema,
});
export type WorkspaceSummary = z.infer<typeof WorkspaceSummarySchema>;

export const MeResponseSchema = z
  .object({
    account: z.object({ id: z.uuid(), email: z.string() }),
    workspaces: z.array(WorkspaceSummarySchema),
    /** Send back as `x-csrf-token` on every state-changing request. */
    csrfToken: z.string(),
  })
  .meta({ id: 'Me' });
export type MeResponse = z.infer<typeof MeResponseSchema>;

import * as z from 'zod';

export const EnvironmentSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    /** Public: goes into the snippet. */
    sdkKey: z.string(),
    /** The secret key's last characters, to tell keys apart; the key itself is shown once. */
    secretKeyHint: z.string(),
    createdAt: z.string(),
    /**
     * When a request with this environment's SDK key last arrived (stamped at most once a minute),
     * null if never: the install page's "installation detected".
     */
    sdkLastSeenAt: z.string().nullable(),
  })
  .meta({ id: 'Environment' });
export type Environment = z.infer<typeof EnvironmentSchema>;

export const EnvironmentListSchema = z
  .object({ data: z.array(EnvironmentSchema) })
  .meta({ id: 'EnvironmentList' });
export type EnvironmentList = z.infer<typeof EnvironmentListSchema>;

export const EnvironmentCreateSchema = z
  .object({
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lowercase letters, digits and dashes, up to 40'),
  })
  .meta({ id: 'EnvironmentCreate' });
export type EnvironmentCreate = z.infer<typeof EnvironmentCreateSchema>;

export const EnvironmentParamsSchema = z.object({
  workspaceId: z.uuid(),
  environmentId: z.uuid(),
});
export type EnvironmentParams = z.infer<typeof EnvironmentParamsSchema>;

/** An environment with a freshly made secret key: the only time the key is readable. */
export const EnvironmentWithSecretSchema = z
  .object({ environment: EnvironmentSchema, secretKey: z.string() })
  .meta({ id: 'EnvironmentWithSecret' });
export type EnvironmentWithSecret = z.infer<typeof EnvironmentWithSecretSchema>;

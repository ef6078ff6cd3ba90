import * as z from 'zod';

export const HealthResponseSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
export const ReadyResponseSchema = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    database: z.boolean(),
    migrations: z.boolean(),
  })
  .meta({ id: 'Ready' });
export type ReadyResponse = z.infer<typeof ReadyResponseSchema>;

import * as z from 'zod';
import { JsonValueSchema } from '../sdk/session.schema.js';

/** A filter value: one line of printable text (PostgreSQL text refuses NUL). */
const FilterSchema = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    // eslint-disable-next-line no-control-regex
    .regex(/^[^\u0000-\u001f]*$/, 'must not contain control characters');

export const AuditActorSchema = z.object({
  type: z.enum(['account', 'secret-key', 'system']),
  /** Account id, environment id (secret key) or null (system). */
  id: z.string().nullable(),
  /** Email or environment name at the time of the change. */
  label: z.string().nullable(),
});
export type AuditActor = z.infer<typeof AuditActorSchema>;

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    actor: AuditActorSchema,
    /** `<target type>.<verb>`, e.g. `member.role_changed`. */
    action: z.string(),
    target: z.object({ type: z.string(), id: z.string() }),
    before: z.record(z.string(), JsonValueSchema).nullable(),
    after: z.record(z.string(), JsonValueSchema).nullable(),
    at: z.string(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** Opaque; pass `nextCursor` from the previous page. */
    cursor: z
      .string()
      .regex(/^[1-9][0-9]{0,17}$/, 'not a cursor this API returned')
      .optional(),
    action: FilterSchema(100).optional(),
    targetType: FilterSchema(100).optional(),
    targetId: FilterSchema(200).optional(),
  })
  .meta({ id: 'AuditQuery' });
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditPageSchema = z
  .object({ data: z.array(AuditEntrySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'AuditPage' });
export type AuditPage = z.infer<typeof AuditPageSchema>;

import * as z from 'zod';

/** Passwords: long enough to resist guessing, short enough to bound the scrypt input. */
export const NewPasswordSchema = z.string().min(10).max(200);

/** An unpaired UTF-16 surrogate: JSON can carry one, PostgreSQL's jsonb cannot store it. */
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A display name: trimmed, one line, no control characters (PostgreSQL text refuses NUL). */
export const DisplayNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters')
  .refine((value) => !UNPAIRED_SURROGATE.test(value), 'must be well-formed Unicode');

export const SignupRequestSchema = z
  .object({
    email: z.email().max(320),
    password: NewPasswordSchema,
    /** The first workspace's name; "My workspace" when left out. */
    workspaceName: DisplayNameSchema.optional(),
  })
  .meta({ id: 'SignupRequest' });
export type SignupRequest = z.infer<typeof SignupRequestSchema>;

export const PasswordResetRequestSchema = z
  .object({ email: z.email().max(320) })
  .meta({ id: 'PasswordResetRequest' });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequestSchema>;

export const PasswordResetConfirmSchema = z
  .object({
    /** The token from the reset link. */
    token: z.string().min(1).max(200),
    password: NewPasswordSchema,
  })
  .meta({ id: 'PasswordResetConfirm' });
export type PasswordResetConfirm = z.infer<typeof PasswordResetConfirmSchema>;

export const OkResponseSchema = z.object({ ok: z.literal(true) }).meta({ id: 'Ok' });
export type OkResponse = z.infer<typeof OkResponseSchema>;

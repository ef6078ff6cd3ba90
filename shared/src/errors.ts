import * as z from 'zod';

/**
 * The one registry of error codes. Every error the API returns has a code from here, the HTTP
 * status it travels with, and a default human message. Clients switch on `code`, never on text.
 */
export const errorCodes = {
  validation_failed: { status: 400, message: 'The request did not match the expected shape.' },
  malformed_json: { status: 400, message: 'The request body is not valid JSON.' },
  unauthenticated: { status: 401, message: 'Sign in, or send a valid key.' },
  invalid_credentials: { status: 401, message: 'Email or password is wrong.' },
  invalid_key: { status: 401, message: 'The SDK or secret key is not valid.' },
  identity_unverified: {
    status: 401,
    message: 'This workspace requires verified users: send userHash, HMAC-SHA256 of the user id.',
  },
  csrf_failed: { status: 403, message: 'The CSRF token is missing or does not match.' },
  forbidden: { status: 403, message: 'Your role does not allow this.' },
  not_found: { status: 404, message: 'Not found.' },
  route_not_found: { status: 404, message: 'No such route.' },
  method_not_allowed: { status: 405, message: 'This route does not accept that method.' },
  conflict: { status: 409, message: 'That conflicts with the current state.' },
  invalid_token: { status: 400, message: 'This link is invalid, already used or expired.' },
  payload_too_large: { status: 413, message: 'The request body is too large.' },
  unsupported_media_type: { status: 415, message: 'Send the body as application/json.' },
  rate_limited: { status: 429, message: 'Too many requests; retry later.' },
  not_ready: { status: 503, message: 'The service is not ready.' },
  internal: { status: 500, message: 'Something went wrong on our side.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCodes;

export const ErrorCodeSchema = z.enum(Object.keys(errorCodes) as [ErrorCode, ...ErrorCode[]]);

/** What every failed API call answers with. */
export const ErrorBodySchema = z
  .object({
    code: ErrorCodeSchema,
    message: z.string(),
    details: z.unknown().optional(),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** One problem with one field, as returned in `details` of `validation_failed`. */
export const FieldIssueSchema = z.object({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof FieldIssueSchema>;

/** Flattens zod issues to `{path, message}` pairs with dotted paths (`steps.0.target`). */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

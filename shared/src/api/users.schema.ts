import * as z from 'zod';
import { WorkspaceIdParamsSchema } from './workspace.schema.js';

/** One line of printable text (PostgreSQL text refuses NUL). */
const LineSchema = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    // eslint-disable-next-line no-control-regex
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters');

/** An opaque keyset cursor: pass `nextCursor` from the previous page. */
const CursorSchema = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, 'not a cursor this API returned');

export const UserSearchQuerySchema = z
  .object({
    /**
     * Matches a user id or anonymous id by case-insensitive prefix, or the `email`, `name`,
     * `firstName`, `lastName` or `username` trait by case-insensitive substring. Empty: everyone.
     */
    search: z
      .string()
      .trim()
      .max(200)
      // eslint-disable-next-line no-control-regex
      .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters')
      .optional(),
    cursor: CursorSchema.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .meta({ id: 'UserSearchQuery' });
export type UserSearchQuery = z.infer<typeof UserSearchQuerySchema>;

/** One person in the search list. */
export const UserSummarySchema = z
  .object({
    /** What the user routes take: the user id, else the latest anonymous id. */
    id: z.string(),
    endUserId: z.uuid(),
    userId: z.string().nullable(),
    anonymousIds: z.array(z.string()),
    /** The `email` and `name` traits when they are strings. */
    email: z.string().nullable(),
    name: z.string().nullable(),
    firstSeenAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'UserSummary' });
export type UserSummary = z.infer<typeof UserSummarySchema>;

/** Newest people first (by when they were first stored), paged by keyset cursor. */
export const UserSearchPageSchema = z
  .object({ data: z.array(UserSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'UserSearchPage' });
export type UserSearchPage = z.infer<typeof UserSearchPageSchema>;

/** `{userId}`: a user id, else an anonymous id (the person it belongs to). */
export const UserParamsSchema = WorkspaceIdParamsSchema.extend({ userId: LineSchema(200) });
export type UserParams = z.infer<typeof UserParamsSchema>;

export const UserEventsQuerySchema = z
  .object({
    cursor: CursorSchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .meta({ id: 'UserEventsQuery' });
export type UserEventsQuery = z.infer<typeof UserEventsQuerySchema>;

import { EventsExportResponseSchema } from './events-export.schema.js';
import { UserExportSchema } from './identity.schema.js';
import type { RouteContract } from './contract.js';
import {
  UserEventsQuerySchema,
  UserParamsSchema,
  UserSearchPageSchema,
  UserSearchQuerySchema,
} from './users.schema.js';
import { WorkspaceIdParamsSchema } from './workspace.schema.js';

/** The builder's view of end users (session routes; any member). Spread into `contract`. */
export const usersRoutes = {
  userSearch: {
    method: 'GET',
    path: '/api/workspaces/{workspaceId}/users',
    summary:
      'End users, newest first: search by user id or anonymous id (prefix) or by email/name traits (substring), case-insensitive (any member).',
    tag: 'users',
    auth: 'session',
    params: WorkspaceIdParamsSchema,
    query: UserSearchQuerySchema,
    response: UserSearchPageSchema,
  },
  userProfile: {
    method: 'GET',
    path: '/api/workspaces/{workspaceId}/users/{userId}',
    summary:
      'One end user by user id (else anonymous id): traits with times, companies, segments, journey stages, goals (any member).',
    tag: 'users',
    auth: 'session',
    params: UserParamsSchema,
    response: UserExportSchema,
  },
  userEvents: {
    method: 'GET',
    path: '/api/workspaces/{workspaceId}/users/{userId}/events',
    summary:
      'The person’s events under every id they used, newest first, paged by cursor (any member).',
    tag: 'users',
    auth: 'session',
    params: UserParamsSchema,
    query: UserEventsQuerySchema,
    response: EventsExportResponseSchema,
  },
} as const satisfies Record<string, RouteContract>;

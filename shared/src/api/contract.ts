import { z } from 'zod';
import { ErrorBodySchema } from '../errors.js';
import { EventsRequestSchema, EventsResponseSchema } from '../sdk/events.schema.js';
import { SessionRequestSchema, SessionResponseSchema } from '../sdk/session.schema.js';
import { LoginRequestSchema, MeResponseSchema } from './auth.schema.js';
import { ContentListResponseSchema, WorkspaceParamsSchema } from './content.schema.js';
import { EventsExportQuerySchema, EventsExportResponseSchema } from './events-export.schema.js';
import { HealthResponseSchema, ReadyResponseSchema } from './system.schema.js';

export type Auth = 'none' | 'sdk-key' | 'secret-key' | 'session';

export interface RouteContract {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  summary: string;
  tag: string;
  auth: Auth;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  /** Status of a successful answer; 200 unless said. */
  status?: number;
}

/**
 * Every public route with its schemas. Controllers validate with these same schemas and the
 * OpenAPI document is generated from this table, so the docs cannot drift from the code.
 */
export const contract = {
  health: {
    method: 'GET',
    path: '/health',
    summary: 'Liveness: the process is up.',
    tag: 'system',
    auth: 'none',
    response: HealthResponseSchema,
  },
  ready: {
    method: 'GET',
    path: '/ready',
    summary: 'Readiness: the database answers and every migration is applied.',
    tag: 'system',
    auth: 'none',
    response: ReadyResponseSchema,
  },
  sdkSession: {
    method: 'POST',
    path: '/sdk/v1/session',
    summary: 'Start a widget session: identity, traits, context in; eligible content out.',
    tag: 'sdk',
    auth: 'sdk-key',
    body: SessionRequestSchema,
    response: SessionResponseSchema,
  },
  sdkEvents: {
    method: 'POST',
    path: '/sdk/v1/events',
    summary: 'Send a batch of events; answered only after they are committed.',
    tag: 'sdk',
    auth: 'sdk-key',
    body: EventsRequestSchema,
    response: EventsResponseSchema,
  },
  login: {
    method: 'POST',
    path: '/api/auth/login',
    summary: 'Sign in to the builder; sets an HttpOnly session cookie.',
    tag: 'auth',
    auth: 'none',
    body: LoginRequestSchema,
    response: MeResponseSchema,
  },
  logout: {
    method: 'POST',
    path: '/api/auth/logout',
    summary: 'Sign out and end the session.',
    tag: 'auth',
    auth: 'session',
    response: z.object({ ok: z.literal(true) }),
  },
  me: {
    method: 'GET',
    path: '/api/auth/me',
    summary: 'The signed-in account, its workspaces and a CSRF token.',
    tag: 'auth',
    auth: 'session',
    response: MeResponseSchema,
  },
  contentList: {
    method: 'GET',
    path: '/api/workspaces/{workspaceId}/content',
    summary: 'Content items of a workspace.',
    tag: 'content',
    auth: 'session',
    params: WorkspaceParamsSchema,
    response: ContentListResponseSchema,
  },
  eventsExport: {
    method: 'GET',
    path: '/api/v1/events',
    summary: 'Stored events, newest first, filtered and paged by cursor.',
    tag: 'export',
    auth: 'secret-key',
    query: EventsExportQuerySchema,
    response: EventsExportResponseSchema,
  },
} as const satisfies Record<string, RouteContract>;

export type RouteName = keyof typeof contract;
export { ErrorBodySchema };

import * as z from 'zod';
import { ErrorBodySchema } from '../errors.js';
import { eventsRoutes } from './events-routes.js';
import { contentRoutes } from './content-routes.js';
import { featureTagRoutes } from './feature-tag-routes.js';
import { previewRoutes } from './preview-routes.js';
import { usersRoutes } from './users-routes.js';
import { EventsRequestSchema, EventsResponseSchema } from '../sdk/events.schema.js';
import { SessionRequestSchema, SessionResponseSchema } from '../sdk/session.schema.js';
import { LoginRequestSchema, MeResponseSchema } from './auth.schema.js';
import {
  OkResponseSchema,
  PasswordResetConfirmSchema,
  PasswordResetRequestSchema,
  SignupRequestSchema,
} from './account.schema.js';
import { AuditPageSchema, AuditQuerySchema } from './audit.schema.js';
import {
  EnvironmentCreateSchema,
  EnvironmentListSchema,
  EnvironmentParamsSchema,
  EnvironmentSchema,
  EnvironmentWithSecretSchema,
} from './environment.schema.js';
import {
  InvitationAcceptSchema,
  InvitationCreateSchema,
  InvitationCreatedSchema,
  InvitationListSchema,
  InvitationParamsSchema,
} from './member-invitation.schema.js';
import {
  MemberListSchema,
  MemberParamsSchema,
  MemberSchema,
  MemberUpdateSchema,
} from './member.schema.js';
import {
  IdentitySecretSchema,
  WorkspaceCreateSchema,
  WorkspaceIdParamsSchema,
  WorkspaceSchema,
  WorkspaceUpdateSchema,
} from './workspace.schema.js';
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
  // --- accounts and workspaces -------------------------------------------------------------
  signup: {
    method: 'POST',
    path: '/api/auth/signup',
    summary:
      'Create an account and its first workspace (owner; production and staging environments); signs in.',
    tag: 'auth',
    auth: 'none',
    body: SignupRequestSchema,
    response: MeResponseSchema,
    status: 201,
  },
  passwordResetRequest: {
    method: 'POST',
    path: '/api/auth/password-reset',
    summary:
      'Send a single-use reset link (valid 1 hour) to the address; answers the same whether or not it exists.',
    tag: 'auth',
    auth: 'none',
    body: PasswordResetRequestSchema,
    response: OkResponseSchema,
  },
  passwordResetConfirm: {
    method: 'POST',
    path: '/api/auth/password-reset/confirm',
    summary: 'Set a new password with a reset token; ends every session of the account.',
    tag: 'auth',
    auth: 'none',
    body: PasswordResetConfirmSchema,
    response: OkResponseSchema,
  },
  workspaceCreate: {
    method: 'POST',
    path: '/api/workspaces',
    summary:
      'Create a workspace with the caller as owner, and production and staging environments.',
    tag: 'workspaces',
    auth: 'session',
    body: WorkspaceCreateSchema,
    response: WorkspaceSchema,
    status: 201,
  },
  workspaceGet: {
    method: 'GET',
    path: '/api/workspaces/{workspaceId}',
    summary: 'A workspace and the caller’s role in it (any member).',
    tag: 'workspaces',
    auth: 'session',
    params: WorkspaceIdParamsSchema,
    response: WorkspaceSchema,
  },
  workspaceUpdate: {
    method: 'PATCH',
    path: '/api/workspaces/{workspaceId}',
    summary: 'Rename a workspace or require identity verification (owner).',
    tag: 'workspaces',
    auth: 'session',
    params: WorkspaceIdParamsSchema,
    body: WorkspaceUpdateSchema,
    response: WorkspaceSchema,
  },
  identitySecretGet: {
    method: 'GET',
    path: '/api/workspaces/{workspaceId}/identity-secret',
    summary: 'The HMAC secret for identity verification (owner).',
    tag: 'workspaces',
    auth: 'session',
    params: WorkspaceIdParamsSchema,
    response: IdentitySecretSchema,
  },
  identitySecretRotate: {
    method: 'POST',
    path: '/api/workspaces/{workspaceId}/identity-secret/rotate',
    summary:
      'Replace the identity-verification secret; hashes made with the old one stop verifying (owner).',
    tag: 'workspaces',
    auth: 'session',
    params: WorkspaceIdParamsSchema,
    response: IdentitySecretSchema,
  },
  memberList: {
    method: 'GET',
    path: '/api/workspaces/{workspaceId}/members',
    summary: 'Members of a workspace with their roles (any member).',
    tag: 'members',
    auth: 'session',
    params: WorkspaceIdParamsSchema,
    response: MemberListSchema,
  },
  memberUpdate: {
    method: 'PATCH',
    path: '/api/workspaces/{workspaceId}/members/{accountId}',
    summary: 'Change a member’s role; the last owner cannot be demoted (owner).',
    tag: 'members',
    auth: 'session',
    params: MemberParamsSchema,
    body: MemberUpdateSchema,
    response: MemberSchema,
  },
  memberRemove: {
    method: 'DELETE',
    path: '/api/workspaces/{workspaceId}/members/{accountId}',
    summary: 'Remove a member (owner), or leave (yourself); the last owner cannot go.',
    tag: 'members',
    auth: 'session',
    params: MemberParamsSchema,
    response: OkResponseSchema,
  },
  invitationList: {
    method: 'GET',
    path: '/api/workspaces/{workspaceId}/invitations',
    summary: 'Pending invitations (any member).',
    tag: 'members',
    auth: 'session',
    params: WorkspaceIdParamsSchema,
    response: InvitationListSchema,
  },
  invitationCreate: {
    method: 'POST',
    path: '/api/workspaces/{workspaceId}/invitations',
    summary:
      'Invite an email address with a role; mails the link (valid 7 days) and returns it once (owner).',
    tag: 'members',
    auth: 'session',
    params: WorkspaceIdParamsSchema,
    body: InvitationCreateSchema,
    response: InvitationCreatedSchema,
    status: 201,
  },
  invitationRevoke: {
    method: 'DELETE',
    path: '/api/workspaces/{workspaceId}/invitations/{invitationId}',
    summary: 'Withdraw a pending invitation (owner).',
    tag: 'members',
    auth: 'session',
    params: InvitationParamsSchema,
    response: OkResponseSchema,
  },
  invitationAccept: {
    method: 'POST',
    path: '/api/workspaces/{workspaceId}/invitations/accept',
    summary:
      'Join a workspace with an invitation token; the signed-in account’s email must be the invited one.',
    tag: 'members',
    auth: 'session',
    params: WorkspaceIdParamsSchema,
    body: InvitationAcceptSchema,
    response: MemberSchema,
  },
  environmentList: {
    method: 'GET',
    path: '/api/workspaces/{workspaceId}/environments',
    summary: 'Environments with their public SDK keys and secret-key hints (any member).',
    tag: 'environments',
    auth: 'session',
    params: WorkspaceIdParamsSchema,
    response: EnvironmentListSchema,
  },
  environmentCreate: {
    method: 'POST',
    path: '/api/workspaces/{workspaceId}/environments',
    summary: 'Add an environment; its secret key is returned this once (owner).',
    tag: 'environments',
    auth: 'session',
    params: WorkspaceIdParamsSchema,
    body: EnvironmentCreateSchema,
    response: EnvironmentWithSecretSchema,
    status: 201,
  },
  environmentRotateSdkKey: {
    method: 'POST',
    path: '/api/workspaces/{workspaceId}/environments/{environmentId}/rotate-sdk-key',
    summary: 'Replace the public SDK key; the old one stops working at once (owner).',
    tag: 'environments',
    auth: 'session',
    params: EnvironmentParamsSchema,
    response: EnvironmentSchema,
  },
  environmentRotateSecretKey: {
    method: 'POST',
    path: '/api/workspaces/{workspaceId}/environments/{environmentId}/rotate-secret-key',
    summary:
      'Replace the secret server key and return it this once; the old one stops working at once (owner).',
    tag: 'environments',
    auth: 'session',
    params: EnvironmentParamsSchema,
    response: EnvironmentWithSecretSchema,
  },
  auditList: {
    method: 'GET',
    path: '/api/workspaces/{workspaceId}/audit',
    summary: 'Who changed what and when, newest first, paged by cursor (any member).',
    tag: 'audit',
    auth: 'session',
    params: WorkspaceIdParamsSchema,
    query: AuditQuerySchema,
    response: AuditPageSchema,
  },
  ...eventsRoutes,
  ...contentRoutes,
  ...featureTagRoutes,
  ...previewRoutes,
  ...usersRoutes,
} as const satisfies Record<string, RouteContract>;

export type RouteName = keyof typeof contract;
export { ErrorBodySchema };

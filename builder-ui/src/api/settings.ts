import type {
  AuditPage,
  EnvironmentCreate,
  EnvironmentList,
  EnvironmentWithSecret,
  Environment,
  IdentitySecret,
  InvitationCreate,
  InvitationCreated,
  InvitationList,
  Member,
  MemberList,
  Role,
  Workspace,
  WorkspaceUpdate,
} from '@waymark/shared';
import { workspacePath, type ApiClient } from '../api';

// Workspace

export const createWorkspace = (api: ApiClient, name: string): Promise<Workspace> =>
  api.request<Workspace>('POST', '/api/workspaces', { body: { name } });

export const getWorkspace = (api: ApiClient, id: string, signal?: AbortSignal) =>
  api.request<Workspace>('GET', workspacePath(id), signal ? { signal } : {});

export const updateWorkspace = (api: ApiClient, id: string, body: WorkspaceUpdate) =>
  api.request<Workspace>('PATCH', workspacePath(id), { body });

export const getIdentitySecret = (api: ApiClient, id: string) =>
  api.request<IdentitySecret>('GET', workspacePath(id, '/identity-secret'));

export const rotateIdentitySecret = (api: ApiClient, id: string) =>
  api.request<IdentitySecret>('POST', workspacePath(id, '/identity-secret/rotate'));

// Team

export const listMembers = (api: ApiClient, id: string, signal?: AbortSignal) =>
  api.request<MemberList>('GET', workspacePath(id, '/members'), signal ? { signal } : {});

export const updateMember = (api: ApiClient, id: string, accountId: string, role: Role) =>
  api.request<Member>('PATCH', workspacePath(id, `/members/${accountId}`), { body: { role } });

export const removeMember = (api: ApiClient, id: string, accountId: string) =>
  api.request<unknown>('DELETE', workspacePath(id, `/members/${accountId}`));

export const listInvitations = (api: ApiClient, id: string, signal?: AbortSignal) =>
  api.request<InvitationList>('GET', workspacePath(id, '/invitations'), signal ? { signal } : {});

export const createInvitation = (api: ApiClient, id: string, body: InvitationCreate) =>
  api.request<InvitationCreated>('POST', workspacePath(id, '/invitations'), { body });

export const revokeInvitation = (api: ApiClient, id: string, invitationId: string) =>
  api.request<unknown>('DELETE', workspacePath(id, `/invitations/${invitationId}`));

// Environments and keys

export const listEnvironments = (api: ApiClient, id: string, signal?: AbortSignal) =>
  api.request<EnvironmentList>('GET', workspacePath(id, '/environments'), signal ? { signal } : {});

export const createEnvironment = (api: ApiClient, id: string, body: EnvironmentCreate) =>
  api.request<EnvironmentWithSecret>('POST', workspacePath(id, '/environments'), { body });

export const rotateSdkKey = (api: ApiClient, id: string, environmentId: string) =>
  api.request<Environment>(
    'POST',
    workspacePath(id, `/environments/${environmentId}/rotate-sdk-key`),
  );

export const rotateSecretKey = (api: ApiClient, id: string, environmentId: string) =>
  api.request<EnvironmentWithSecret>(
    'POST',
    workspacePath(id, `/environments/${environmentId}/rotate-secret-key`),
  );

// Audit log

export const listAudit = (api: ApiClient, id: string, cursor?: string, signal?: AbortSignal) =>
  api.request<AuditPage>('GET', workspacePath(id, '/audit'), {
    query: { limit: 50, cursor },
    ...(signal ? { signal } : {}),
  });

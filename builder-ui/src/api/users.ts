import type {
  EligibilityResponse,
  EventsExportResponse,
  UserExport,
  UserSearchPage,
} from '@waymark/shared';
import { workspacePath, type ApiClient } from '../api';

const userPath = (workspaceId: string, userId: string, rest = '') =>
  workspacePath(workspaceId, `/users/${encodeURIComponent(userId)}${rest}`);

export const searchUsers = (
  api: ApiClient,
  workspaceId: string,
  search: string,
  cursor?: string,
  signal?: AbortSignal,
) =>
  api.request<UserSearchPage>('GET', workspacePath(workspaceId, '/users'), {
    query: { search: search.trim() || undefined, cursor, limit: 25 },
    ...(signal ? { signal } : {}),
  });

export const getUser = (
  api: ApiClient,
  workspaceId: string,
  userId: string,
  signal?: AbortSignal,
) => api.request<UserExport>('GET', userPath(workspaceId, userId), signal ? { signal } : {});

export const getUserEvents = (
  api: ApiClient,
  workspaceId: string,
  userId: string,
  cursor?: string,
  signal?: AbortSignal,
) =>
  api.request<EventsExportResponse>('GET', userPath(workspaceId, userId, '/events'), {
    query: { cursor, limit: 25 },
    ...(signal ? { signal } : {}),
  });

/** Why each content item is (not) shown to the user, optionally on a page URL. */
export const getEligibility = (
  api: ApiClient,
  workspaceId: string,
  user: { userId: string; anonymousId?: string | undefined },
  url?: string,
  signal?: AbortSignal,
) =>
  api.request<EligibilityResponse>('GET', userPath(workspaceId, user.userId, '/eligibility'), {
    query: { anonymousId: user.anonymousId, url },
    ...(signal ? { signal } : {}),
  });

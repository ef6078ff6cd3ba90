import type { Goal, GoalInput, GoalStats, SegmentRefreshResult } from '@waymark/shared';
import { type ApiClient, workspacePath } from '../api';

/** Goals through the builder session (`/api/workspaces/{id}/goals`). */
export function goalsApi(api: ApiClient, workspaceId: string) {
  const base = workspacePath(workspaceId, '/goals');
  const one = (id: string) => `${base}/${encodeURIComponent(id)}`;
  return {
    list: async (signal?: AbortSignal) =>
      (await api.request<{ data: Goal[] }>('GET', base, signal ? { signal } : {})).data,
    get: (id: string, signal?: AbortSignal) =>
      api.request<Goal>('GET', one(id), signal ? { signal } : {}),
    create: (body: GoalInput) => api.request<Goal>('POST', base, { body }),
    update: (id: string, body: GoalInput) => api.request<Goal>('PUT', one(id), { body }),
    remove: (id: string) => api.request<{ deleted: true }>('DELETE', one(id)),
    refresh: (id: string) => api.request<SegmentRefreshResult>('POST', `${one(id)}/refresh`),
    stats: (id: string, interval: 'day' | 'week' | 'month', signal?: AbortSignal) =>
      api.request<GoalStats>('GET', `${one(id)}/stats`, {
        query: { interval },
        ...(signal ? { signal } : {}),
      }),
  };
}

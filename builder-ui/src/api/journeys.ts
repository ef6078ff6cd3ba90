import type { Journey, JourneyInput, JourneyStats, SegmentRefreshResult } from '@waymark/shared';
import { type ApiClient, workspacePath } from '../api';

/** Journeys through the builder session (`/api/workspaces/{id}/journeys`). */
export function journeysApi(api: ApiClient, workspaceId: string) {
  const base = workspacePath(workspaceId, '/journeys');
  const one = (id: string) => `${base}/${encodeURIComponent(id)}`;
  return {
    list: async (signal?: AbortSignal) =>
      (await api.request<{ data: Journey[] }>('GET', base, signal ? { signal } : {})).data,
    get: (id: string, signal?: AbortSignal) =>
      api.request<Journey>('GET', one(id), signal ? { signal } : {}),
    create: (body: JourneyInput) => api.request<Journey>('POST', base, { body }),
    update: (id: string, body: JourneyInput) => api.request<Journey>('PUT', one(id), { body }),
    remove: (id: string) => api.request<{ deleted: true }>('DELETE', one(id)),
    refresh: (id: string) => api.request<SegmentRefreshResult>('POST', `${one(id)}/refresh`),
    stats: (id: string, stallDays: number, signal?: AbortSignal) =>
      api.request<JourneyStats>('GET', `${one(id)}/stats`, {
        query: { stallDays },
        ...(signal ? { signal } : {}),
      }),
  };
}

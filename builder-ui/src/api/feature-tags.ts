import type { FeatureTagInput, FeatureTagList, FeatureTagRecord } from '@waymark/shared';
import { type ApiClient, workspacePath } from '../api';

/** Feature tags through the builder session (`/api/workspaces/{id}/feature-tags`). */
export function featureTagsApi(api: ApiClient, workspaceId: string) {
  const base = workspacePath(workspaceId, '/feature-tags');
  const one = (id: string) => `${base}/${encodeURIComponent(id)}`;
  return {
    list: async (signal?: AbortSignal) =>
      (await api.request<FeatureTagList>('GET', base, signal ? { signal } : {})).data,
    create: (body: FeatureTagInput) => api.request<FeatureTagRecord>('POST', base, { body }),
    update: (id: string, body: FeatureTagInput) =>
      api.request<FeatureTagRecord>('PUT', one(id), { body }),
    remove: (id: string) => api.request<{ ok: true }>('DELETE', one(id)),
  };
}

import type {
  Rule,
  Segment,
  SegmentInput,
  SegmentMembersPage,
  SegmentPreview,
  SegmentRefreshResult,
} from '@waymark/shared';
import { type ApiClient, workspacePath } from '../api';

/** Segments through the builder session (`/api/workspaces/{id}/segments`). */
export function segmentsApi(api: ApiClient, workspaceId: string) {
  const base = workspacePath(workspaceId, '/segments');
  const one = (id: string) => `${base}/${encodeURIComponent(id)}`;
  return {
    list: async (signal?: AbortSignal) =>
      (await api.request<{ data: Segment[] }>('GET', base, signal ? { signal } : {})).data,
    get: (id: string, signal?: AbortSignal) =>
      api.request<Segment>('GET', one(id), signal ? { signal } : {}),
    create: (body: SegmentInput) => api.request<Segment>('POST', base, { body }),
    update: (id: string, body: SegmentInput) => api.request<Segment>('PUT', one(id), { body }),
    remove: (id: string) => api.request<{ deleted: true }>('DELETE', one(id)),
    refresh: (id: string) => api.request<SegmentRefreshResult>('POST', `${one(id)}/refresh`),
    preview: (rule: Rule, sample: number, signal?: AbortSignal) =>
      api.request<SegmentPreview>('POST', `${base}/preview`, {
        body: { rule, sample },
        ...(signal ? { signal } : {}),
      }),
    members: (id: string, limit: number, cursor?: string) =>
      api.request<SegmentMembersPage>('GET', `${one(id)}/members`, { query: { limit, cursor } }),
    /** A same-origin link the browser downloads with the session cookie. */
    csvUrl: (id: string) => `${one(id)}/members.csv`,
  };
}

import type {
  ContentVersionSummary,
  Experiment,
  ExperimentCreate,
  ExperimentExposuresResponse,
  ExperimentUpdate,
} from '@waymark/shared';
import { type ApiClient, workspacePath } from '../api';

/** Experiments of a workspace and the published versions their variants point at. */
export function experimentsApi(api: ApiClient, workspaceId: string) {
  const base = workspacePath(workspaceId, '/experiments');
  const one = (id: string) => `${base}/${encodeURIComponent(id)}`;
  return {
    list: async (signal?: AbortSignal) =>
      (await api.request<{ data: Experiment[] }>('GET', base, signal ? { signal } : {})).data,
    create: (body: ExperimentCreate) => api.request<Experiment>('POST', base, { body }),
    update: (id: string, body: ExperimentUpdate) =>
      api.request<Experiment>('PATCH', one(id), { body }),
    start: (id: string) => api.request<Experiment>('POST', `${one(id)}/start`),
    stop: (id: string) => api.request<Experiment>('POST', `${one(id)}/stop`),
    ship: (id: string, variant: string) =>
      api.request<Experiment>('POST', `${one(id)}/ship`, { body: { variant } }),
    exposures: (id: string, signal?: AbortSignal) =>
      api.request<ExperimentExposuresResponse>(
        'GET',
        `${one(id)}/exposures`,
        signal ? { signal } : {},
      ),
    /** Published versions of a content item: what variants may show. */
    publishedVersions: async (contentId: string, signal?: AbortSignal) => {
      const answer = await api.request<{ data: ContentVersionSummary[] }>(
        'GET',
        workspacePath(workspaceId, `/content/${encodeURIComponent(contentId)}/versions`),
        signal ? { signal } : {},
      );
      return answer.data.filter((v) => v.publishedAt !== null);
    },
  };
}

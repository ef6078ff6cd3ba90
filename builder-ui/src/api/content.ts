import type {
  ContentDefinition,
  ContentDetail,
  ContentSummary,
  ContentUpdate,
  ContentVersionDetail,
  ContentVersionSummary,
  ThemeRecord,
} from '@waymark/shared';
import { workspacePath, type ApiClient } from '../api';

/** A lifecycle action: POST with no body, answering the item. */
export type ContentAction = 'publish' | 'unpublish' | 'archive' | 'restore' | 'duplicate';

/** The content lifecycle API of one workspace, typed. */
export function contentApi(api: ApiClient, workspaceId: string) {
  const item = (contentId: string, rest = '') =>
    workspacePath(workspaceId, `/content/${encodeURIComponent(contentId)}${rest}`);
  return {
    list: async (signal?: AbortSignal): Promise<ContentSummary[]> =>
      (
        await api.request<{ data: ContentSummary[] }>(
          'GET',
          workspacePath(workspaceId, '/content'),
          {
            ...(signal ? { signal } : {}),
          },
        )
      ).data,
    get: (contentId: string, signal?: AbortSignal): Promise<ContentDetail> =>
      api.request<ContentDetail>('GET', item(contentId), signal ? { signal } : {}),
    create: (name: string, definition: ContentDefinition): Promise<ContentDetail> =>
      api.request<ContentDetail>('POST', workspacePath(workspaceId, '/content'), {
        body: { name, definition },
      }),
    update: (contentId: string, change: ContentUpdate): Promise<ContentDetail> =>
      api.request<ContentDetail>('PATCH', item(contentId), { body: change }),
    remove: (contentId: string): Promise<unknown> => api.request('DELETE', item(contentId)),
    act: (contentId: string, action: ContentAction): Promise<ContentDetail> =>
      api.request<ContentDetail>('POST', item(contentId, `/${action}`)),
    versions: async (contentId: string, signal?: AbortSignal): Promise<ContentVersionSummary[]> =>
      (
        await api.request<{ data: ContentVersionSummary[] }>(
          'GET',
          item(contentId, '/versions'),
          signal ? { signal } : {},
        )
      ).data,
    version: (contentId: string, versionId: string, signal?: AbortSignal) =>
      api.request<ContentVersionDetail>(
        'GET',
        item(contentId, `/versions/${encodeURIComponent(versionId)}`),
        signal ? { signal } : {},
      ),
    rollback: (contentId: string, versionId: string): Promise<ContentDetail> =>
      api.request<ContentDetail>(
        'POST',
        item(contentId, `/versions/${encodeURIComponent(versionId)}/rollback`),
      ),
    theme: (themeId: string, signal?: AbortSignal): Promise<ThemeRecord> =>
      api.request<ThemeRecord>(
        'GET',
        workspacePath(workspaceId, `/themes/${encodeURIComponent(themeId)}`),
        signal ? { signal } : {},
      ),
  };
}

export type ContentApi = ReturnType<typeof contentApi>;

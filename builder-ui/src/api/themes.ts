import type { ThemeCreate, ThemeRecord, ThemeUpdate } from '@waymark/shared';
import { workspacePath, type ApiClient } from '../api';

/** The shared themes of one workspace, typed. Deleting a theme in use answers 409 `conflict`. */
export function themesApi(api: ApiClient, workspaceId: string) {
  const one = (themeId: string) =>
    workspacePath(workspaceId, `/themes/${encodeURIComponent(themeId)}`);
  return {
    list: async (signal?: AbortSignal): Promise<ThemeRecord[]> =>
      (
        await api.request<{ data: ThemeRecord[] }>(
          'GET',
          workspacePath(workspaceId, '/themes'),
          signal ? { signal } : {},
        )
      ).data,
    create: (body: ThemeCreate): Promise<ThemeRecord> =>
      api.request<ThemeRecord>('POST', workspacePath(workspaceId, '/themes'), { body }),
    update: (themeId: string, body: ThemeUpdate): Promise<ThemeRecord> =>
      api.request<ThemeRecord>('PATCH', one(themeId), { body }),
    remove: (themeId: string): Promise<unknown> => api.request('DELETE', one(themeId)),
  };
}

import type { ContentDetail, ContentSummary, DeliveryPatch } from '@waymark/shared';
import { type ApiClient, workspacePath } from '../api';

/** Delivery settings are saved on the content item itself. */
export function deliveryApi(api: ApiClient, workspaceId: string) {
  return {
    save: (contentId: string, delivery: DeliveryPatch) =>
      api.request<ContentDetail>(
        'PATCH',
        workspacePath(workspaceId, `/content/${encodeURIComponent(contentId)}`),
        { body: { delivery } },
      ),
    /** Content items, for rule pickers ("completed the onboarding tour"). */
    contentList: async (signal?: AbortSignal) =>
      (
        await api.request<{ data: ContentSummary[] }>(
          'GET',
          workspacePath(workspaceId, '/content'),
          signal ? { signal } : {},
        )
      ).data,
  };
}

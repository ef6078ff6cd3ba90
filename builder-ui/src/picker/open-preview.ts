import type { ApiClient } from '../api';

/** Placeholder (H1): opens the customer's app running this item's draft for the author only. */
export async function openPreviewOnApp(
  _api: ApiClient,
  _workspaceId: string,
  _contentId: string,
  _appUrl: string,
): Promise<void> {
  throw new Error('Preview on the app is not built yet.');
}

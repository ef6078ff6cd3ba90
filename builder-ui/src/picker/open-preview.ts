import type { PreviewTokenCreated } from '@waymark/shared';
import { workspacePath, type ApiClient } from '../api';
import { builderModeUrl, PickError } from './pick-element';

/**
 * Opens the customer's app running this item's draft for the author only: asks the server for a
 * one-time preview token (an hour) and opens `appUrl#waymark-preview=<token>` in a new window.
 * The window is opened before the request (a popup blocker allows it only during the click) and
 * closed again when the request fails, which rethrows the `ApiError`.
 */
export async function openPreviewOnApp(
  api: ApiClient,
  workspaceId: string,
  contentId: string,
  appUrl: string,
): Promise<void> {
  builderModeUrl(appUrl, 'preview', 'check'); // a bad app URL fails before any window opens
  const win = window.open('about:blank', '_blank');
  if (!win) throw new PickError('The browser blocked the window. Allow pop-ups.');
  try {
    const { token } = await api.request<PreviewTokenCreated>(
      'POST',
      workspacePath(workspaceId, `/content/${contentId}/preview`),
    );
    // The app needs no handle on the builder.
    win.opener = null;
    win.location.href = builderModeUrl(appUrl, 'preview', token).href;
  } catch (error) {
    win.close();
    throw error;
  }
}

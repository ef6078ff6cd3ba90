import type { ElementTarget } from '@waymark/shared';
import type { FragileSignal, PickerMessage } from '@waymark/widget';

/** What a pick came back with. */
export type PickResult =
  | { status: 'picked'; target: ElementTarget; matches: number; fragile: FragileSignal[] }
  | { status: 'cancelled' };

/** Picking failed before it began (a popup blocker, a malformed app URL). */
export class PickError extends Error {
  override readonly name = 'PickError';
}

/** A fresh one-time token: 32 random bytes, base64url. */
function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** `appUrl` with its hash replaced by `#waymark-<mode>=<token>`. */
export function builderModeUrl(appUrl: string, mode: 'pick' | 'preview', token: string): URL {
  const url = new URL(appUrl, location.href);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PickError('The app URL must start with http:// or https://.');
  }
  url.hash = `waymark-${mode}=${token}`;
  return url;
}

/**
 * Opens the customer's app in builder mode (`#waymark-pick=<token>`) in a new window and waits
 * for the element the author clicks there. Only a message from the app's origin, from that
 * window, carrying this pick's one-time token is accepted; the token is forgotten afterwards.
 * Resolves `cancelled` on Esc in the app, when the author closes the window, or on `signal`.
 */
export function pickElement(appUrl: string, signal?: AbortSignal): Promise<PickResult> {
  let token: string | null = newToken();
  const url = builderModeUrl(appUrl, 'pick', token);
  // Not `noopener`: the app answers through `window.opener`.
  const win = window.open(url.href, 'waymark-pick');
  if (!win) return Promise.reject(new PickError('The browser blocked the window. Allow pop-ups.'));
  return new Promise((resolve) => {
    const finish = (result: PickResult): void => {
      token = null;
      removeEventListener('message', onMessage);
      clearInterval(closedCheck);
      signal?.removeEventListener('abort', onAbort);
      if (!win.closed) win.close();
      resolve(result);
    };
    const onMessage = (event: MessageEvent<unknown>): void => {
      if (event.origin !== url.origin || event.source !== win || token === null) return;
      const data = event.data as Partial<PickerMessage> | null;
      if (typeof data !== 'object' || data === null || data.token !== token) return;
      if (data.type === 'waymark:pick-cancelled') finish({ status: 'cancelled' });
      else if (data.type === 'waymark:picked' && isTarget(data.target)) {
        const matches = typeof data.matches === 'number' ? data.matches : 0;
        finish({ status: 'picked', target: data.target, matches, fragile: data.fragile ?? [] });
      }
    };
    const onAbort = (): void => finish({ status: 'cancelled' });
    // No event tells the opener that the window closed: look twice a second.
    const closedCheck = setInterval(() => {
      if (win.closed) finish({ status: 'cancelled' });
    }, 500);
    addEventListener('message', onMessage);
    signal?.addEventListener('abort', onAbort);
  });
}

function isTarget(value: unknown): value is ElementTarget {
  if (typeof value !== 'object' || value === null) return false;
  const { attributes } = value as { attributes?: unknown };
  return typeof attributes === 'object' && attributes !== null;
}

import type { ErrorBody, EventsRequest, SessionRequest, SessionResponse } from '@waymark/shared';
import type { SendOutcome } from './event.queue';

/** Which failures are worth retrying: timeouts, rate limits, server errors. Pure. */
export function outcomeOf(status: number): SendOutcome {
  if (status >= 200 && status < 300) return 'ok';
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'retry';
  return 'drop';
}

/** Browsers refuse `keepalive` bodies over 64 KiB in flight; stay under it with margin. */
const KEEPALIVE_LIMIT = 60_000;

/** POSTs JSON to `/sdk/v1/{path}` with the SDK key (and any extra headers). */
export type Post = (
  path: string,
  body: unknown,
  headers?: Record<string, string>,
) => Promise<Response>;

export const createPost =
  (apiHost: string, sdkKey: string): Post =>
  (path, body, headers) => {
    const json = JSON.stringify(body);
    return fetch(`${apiHost}/sdk/v1/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-waymark-key': sdkKey, ...headers },
      body: json,
      keepalive: json.length < KEEPALIVE_LIMIT,
    });
  };

/**
 * `POST /sdk/v1/session`. With `kept`, the last answer, its `etag` goes in `If-None-Match`, and
 * a 304 (the answer has not changed) resolves to `kept` itself. Rejects with the server's
 * `code message` (or the status) when the call fails.
 */
export async function fetchSession(
  post: Post,
  body: SessionRequest,
  kept?: SessionResponse,
): Promise<SessionResponse> {
  const res = await post('session', body, kept && { 'if-none-match': `"${kept.etag}"` });
  if (kept && res.status === 304) return kept;
  if (res.ok) return (await res.json()) as SessionResponse;
  const error = (await res.json().catch(() => ({}))) as Partial<ErrorBody>;
  throw new Error(`${res.status} ${error.code ?? ''} ${error.message ?? ''}`);
}

/**
 * Hands events to `navigator.sendBeacon` (the page is going away); true when the browser took
 * them. sendBeacon cannot set headers: the key travels in the query and the body as text/plain,
 * which also keeps the request "simple" (no CORS preflight) while the page unloads.
 */
export function beaconEvents(apiHost: string, sdkKey: string, body: EventsRequest): boolean {
  const blob = new Blob([JSON.stringify(body)], { type: 'text/plain' });
  return navigator.sendBeacon(`${apiHost}/sdk/v1/events?key=${encodeURIComponent(sdkKey)}`, blob);
}

import type {
  ErrorBody,
  EventsRequest,
  EventsResponse,
  ProgressRequest,
  SessionRequest,
  SessionResponse,
} from '@waymark/shared';
import type { SendOutcome } from './event.queue';

/** Which failures are worth retrying: timeouts, rate limits, server errors. Pure. */
export function outcomeOf(status: number): SendOutcome {
  if (status >= 200 && status < 300) return 'ok';
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'retry';
  return 'drop';
}

/** Delivery's calls (the session is `fetchSession`, the core's). */
export interface Transport {
  /** Resolves with the outcome; network failures resolve as `retry`, they do not reject. */
  events(body: EventsRequest): Promise<{ outcome: SendOutcome; response?: EventsResponse }>;
  progress(body: ProgressRequest): Promise<{ outcome: SendOutcome }>;
  beacon(body: EventsRequest): boolean;
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

/** The calls of event delivery (`event.delivery.ts`): events, progress, beacons. */
export function createTransport(apiHost: string, sdkKey: string): Transport {
  const post = createPost(apiHost, sdkKey);
  /** Never rejects: a network failure is `retry`. */
  const send = async (path: string, body: unknown) => {
    let res: Response;
    try {
      res = await post(path, body);
    } catch {
      return { outcome: 'retry' as const };
    }
    return { outcome: outcomeOf(res.status), res };
  };
  return {
    async events(body) {
      const { outcome, res } = await send('events', body);
      if (outcome !== 'ok' || !res) return { outcome };
      return { outcome, response: (await res.json().catch(() => undefined)) as EventsResponse };
    },
    async progress(body) {
      return { outcome: (await send('progress', body)).outcome };
    },
    beacon(body) {
      // sendBeacon cannot set headers: the key travels in the query and the body as text/plain,
      // which also keeps the request "simple" (no CORS preflight) while the page unloads.
      const blob = new Blob([JSON.stringify(body)], { type: 'text/plain' });
      const url = `${apiHost}/sdk/v1/events?key=${encodeURIComponent(sdkKey)}`;
      return navigator.sendBeacon(url, blob);
    },
  };
}

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

export interface Transport {
  /** Rejects with the server's `code: message` (or the status) when the call fails. */
  session(body: SessionRequest): Promise<SessionResponse>;
  /** Resolves with the outcome; network failures resolve as `retry`, they do not reject. */
  events(body: EventsRequest): Promise<{ outcome: SendOutcome; response?: EventsResponse }>;
  progress(body: ProgressRequest): Promise<{ outcome: SendOutcome }>;
  beacon(body: EventsRequest): boolean;
}

/** Browsers refuse `keepalive` bodies over 64 KiB in flight; stay under it with margin. */
const KEEPALIVE_LIMIT = 60_000;

export function createTransport(apiHost: string, sdkKey: string): Transport {
  const url = (path: string): string => `${apiHost}/sdk/v1/${path}`;
  const post = (path: string, body: unknown): Promise<Response> => {
    const json = JSON.stringify(body);
    return fetch(url(path), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-waymark-key': sdkKey },
      body: json,
      keepalive: json.length < KEEPALIVE_LIMIT,
    });
  };
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
    async session(body) {
      const res = await post('session', body);
      if (res.ok) return (await res.json()) as SessionResponse;
      const error = (await res.json().catch(() => ({}))) as Partial<ErrorBody>;
      throw new Error(`${res.status} ${error.code ?? ''} ${error.message ?? ''}`);
    },
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
      return navigator.sendBeacon(`${url('events')}?key=${encodeURIComponent(sdkKey)}`, blob);
    },
  };
}

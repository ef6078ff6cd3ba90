// Delivering what the core records (events and progress updates): batches, retries with backoff,
// beacons on page hide, `online`. The queues live in storage (queue.store.ts), so what an earlier
// page left is picked up and sent.
import type {
  EligibleContent,
  EventsRequest,
  EventsResponse,
  ProgressRequest,
  SdkContext,
  SdkUser,
} from '@waymark/shared';
import type { Logger } from './debug.logger';
import { createEventQueue, type EventQueue, type QueuedEvent } from './event.queue';
import { outcomeOf, type Post } from './http.transport';
import type { QueuedProgress } from './progress.tracker';
import type { KeyValueStorage } from './storage.adapter';

export interface DeliveryDeps {
  post: Post;
  /** Hands events to `sendBeacon` (see `beaconEvents`); true when the browser took them. */
  beacon(body: EventsRequest): boolean;
  storage: KeyValueStorage;
  /** Storage keys of the event and the progress queues. */
  keys: [string, string];
  log: Logger;
  user(): SdkUser;
  context(): SdkContext;
  /** Sent with every request, so newly eligible content is resolved for the right user. */
  extras(): Pick<EventsRequest, 'traits' | 'userHash'>;
  /** Content that became eligible because of delivered events. */
  onContent(content: EligibleContent[]): void;
}

export interface Delivery {
  queue: EventQueue;
  progressQueue: EventQueue<QueuedProgress>;
  /** Beacons what is waiting, removes the listeners, stops the timers (`destroy`). */
  stop(): void;
}

export function startDelivery(deps: DeliveryDeps): Delivery {
  const { storage, log, post } = deps;
  const envelope = (batch: readonly QueuedEvent[]): EventsRequest => ({
    user: batch[0]?.user ?? deps.user(),
    sentAt: new Date().toISOString(),
    events: batch.map((item) => item.event),
    context: deps.context(),
    ...deps.extras(),
  });
  const queue = createEventQueue({
    storage,
    storageKey: deps.keys[0],
    // A network failure rejects: the queue retries it like a 5xx.
    send: async (batch) => {
      const res = await post('events', envelope(batch));
      const outcome = outcomeOf(res.status);
      if (outcome !== 'ok') return outcome;
      const answer = (await res.json().catch(() => undefined)) as EventsResponse | undefined;
      try {
        if (answer?.content.length) deps.onContent(answer.content);
      } catch (error) {
        log.error('applying new content failed', error);
      }
      return outcome;
    },
    beacon: (batch) => deps.beacon(envelope(batch)),
  });
  const progressBody = (batch: readonly QueuedEvent<QueuedProgress>[]): ProgressRequest => {
    // The latest update per item carries everything (answers and items accumulate).
    const latest = new Map(
      batch.map(({ event: { messageId: _, ...update } }) => [update.contentId, update]),
    );
    const { userHash } = deps.extras();
    const user = batch[0]?.user ?? deps.user();
    return { user, updates: [...latest.values()], ...(userHash === undefined ? {} : { userHash }) };
  };
  const progressQueue = createEventQueue<QueuedProgress>({
    storage,
    storageKey: deps.keys[1],
    send: async (batch) => outcomeOf((await post('progress', progressBody(batch))).status),
    // No beacon endpoint for progress: keep it; the next page delivers it (updates are idempotent).
    beacon: () => false,
  });
  // pagehide is the reliable unload signal (bfcache-safe); a hidden tab may never come back.
  const flush = (): void => {
    try {
      queue.flushWithBeacon();
      void progressQueue.flush();
    } catch (error) {
      log.error('flushing events failed', error);
    }
  };
  const onVisibility = (): void => {
    if (document.visibilityState === 'hidden') flush();
  };
  // Back online: deliver now instead of waiting out the backoff.
  const retryNow = (): void => {
    void queue.flush();
    void progressQueue.flush();
  };
  addEventListener('pagehide', flush);
  addEventListener('online', retryNow);
  document.addEventListener('visibilitychange', onVisibility);
  return {
    queue,
    progressQueue,
    stop() {
      removeEventListener('pagehide', flush);
      removeEventListener('online', retryNow);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
      queue.stop();
      progressQueue.stop();
    },
  };
}

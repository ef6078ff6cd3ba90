// Delivering what the core records (events and progress updates): batches, retries with backoff,
// beacons on page hide, `online`. The queues live in storage (queue.store.ts), so what an earlier
// page left is picked up and sent.
import type {
  EligibleContent,
  EventsRequest,
  ProgressRequest,
  SdkContext,
  SdkUser,
} from '@waymark/shared';
import type { Logger } from './debug.logger';
import { EventQueue, type QueuedEvent } from './event.queue';
import { createTransport } from './http.transport';
import type { QueuedProgress } from './progress.tracker';
import type { KeyValueStorage } from './storage.adapter';

export interface DeliveryDeps {
  apiHost: string;
  sdkKey: string;
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
  const { storage, log } = deps;
  const transport = createTransport(deps.apiHost, deps.sdkKey);
  const envelope = (batch: readonly QueuedEvent[]): EventsRequest => ({
    user: batch[0]?.user ?? deps.user(),
    sentAt: new Date().toISOString(),
    events: batch.map((item) => item.event),
    context: deps.context(),
    ...deps.extras(),
  });
  const queue = new EventQueue({
    storage,
    storageKey: deps.keys[0],
    send: async (batch) => {
      const { outcome, response } = await transport.events(envelope(batch));
      try {
        if (response?.content.length) deps.onContent(response.content);
      } catch (error) {
        log.error('applying new content failed', error);
      }
      return outcome;
    },
    beacon: (batch) => transport.beacon(envelope(batch)),
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
  const progressQueue = new EventQueue<QueuedProgress>({
    storage,
    storageKey: deps.keys[1],
    send: async (batch) => (await transport.progress(progressBody(batch))).outcome,
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

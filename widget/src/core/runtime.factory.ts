import type {
  EligibleContent,
  EventsRequest,
  HoldoutContent,
  ProgressRequest,
  SdkContext,
} from '@waymark/shared';
import { watchRoute } from '../dom/route.watcher';
import type { WaymarkOptions } from '../public.types';
import { ContentScheduler, type RunRequest } from './content.scheduler';
import type { Logger } from './debug.logger';
import { EventQueue, type QueuedEvent } from './event.queue';
import { createTransport, type Transport } from './http.transport';
import { IdentityStore } from './identity.store';
import { ProgressTracker, type QueuedProgress } from './progress.tracker';
import { browserStorage, type KeyValueStorage } from './storage.adapter';
import type { ContentRun } from './surface.port';
import { randomId } from './uuid.util';

/** What exists between `init` and `destroy`. */
export interface Runtime {
  storage: KeyValueStorage;
  identity: IdentityStore;
  queue: EventQueue;
  progressQueue: EventQueue<QueuedProgress>;
  progress: ProgressTracker;
  transport: Transport;
  scheduler: ContentScheduler;
  locale: string;
  context(): SdkContext;
  stop(): void;
}

export interface RuntimeHooks {
  log: Logger;
  run(request: RunRequest): ContentRun;
  expose(holdout: HoldoutContent): void;
  /** Content that became eligible because of delivered events. */
  onEventsContent(content: EligibleContent[], holdouts: HoldoutContent[]): void;
  /** The route changed (after the scheduler saw it). */
  onRoute(href: string): void;
  /** Sent with event batches, so newly eligible content is resolved for the right user. */
  identityExtras(): Pick<EventsRequest, 'traits' | 'userHash'>;
}

/** Wires storage, identity, transport, queues, scheduler and route watching for one instance. */
export function startRuntime(
  sdkKey: string,
  options: WaymarkOptions,
  hooks: RuntimeHooks,
): Runtime {
  const { log } = hooks;
  const storage = browserStorage();
  const transport = createTransport(options.apiHost.replace(/\/+$/, ''), sdkKey);
  const identity = new IdentityStore(storage, () => randomId());
  const locale = options.locale ?? navigator.language ?? 'en';
  const context = (): SdkContext => ({
    url: location.href,
    ...(locale.length >= 2 ? { locale } : {}),
    viewport: { width: innerWidth, height: innerHeight },
    userAgent: navigator.userAgent,
  });
  const envelope = (batch: readonly QueuedEvent[]): EventsRequest => ({
    user: batch[0]?.user ?? identity.user,
    sentAt: new Date().toISOString(),
    events: batch.map((item) => item.event),
    context: context(),
    ...hooks.identityExtras(),
  });
  const queue = new EventQueue({
    storage,
    storageKey: `waymark.queue.${sdkKey}`,
    send: async (batch) => {
      const { outcome, response } = await transport.events(envelope(batch));
      try {
        if (response?.content.length) hooks.onEventsContent(response.content, []);
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
    const { userHash } = hooks.identityExtras();
    const user = batch[0]?.user ?? identity.user;
    return { user, updates: [...latest.values()], ...(userHash === undefined ? {} : { userHash }) };
  };
  const progressQueue = new EventQueue<QueuedProgress>({
    storage,
    storageKey: `waymark.progressQueue.${sdkKey}`,
    send: async (batch) => (await transport.progress(progressBody(batch))).outcome,
    // No beacon endpoint for progress: keep it; the next page delivers it (updates are idempotent).
    beacon: () => false,
  });
  const scheduler = new ContentScheduler({
    url: () => location.href,
    run: hooks.run,
    expose: hooks.expose,
  });
  const unwatchRoute = watchRoute(
    window,
    (href) => {
      scheduler.route(href);
      hooks.onRoute(href);
    },
    (error) => log.error('route change failed', error),
  );
  const runtime: Runtime = {
    storage,
    identity,
    queue,
    progressQueue,
    progress: new ProgressTracker(),
    transport,
    scheduler,
    locale,
    context,
    stop() {
      unwatchRoute();
      scheduler.clear();
      removeEventListener('pagehide', flush);
      removeEventListener('online', retryNow);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
      queue.stop();
      progressQueue.stop();
    },
  };
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
  return runtime;
}

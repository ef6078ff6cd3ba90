import type { EligibleContent, EventsRequest, SdkContext } from '@waymark/shared';
import { watchRoute } from '../dom/route.watcher';
import type { WaymarkOptions } from '../public.types';
import { ContentScheduler, type RunRequest } from './content.scheduler';
import type { Logger } from './debug.logger';
import { EventQueue, type QueuedEvent } from './event.queue';
import type { FlowRunner } from './flow.runner';
import { createTransport, type Transport } from './http.transport';
import { IdentityStore } from './identity.store';
import { browserStorage } from './storage.adapter';
import { randomId } from './uuid.util';

/** What exists between `init` and `destroy`. */
export interface Runtime {
  identity: IdentityStore;
  queue: EventQueue;
  transport: Transport;
  scheduler: ContentScheduler;
  context(): SdkContext;
  stop(): void;
}

export interface RuntimeHooks {
  log: Logger;
  run(request: RunRequest): FlowRunner;
  /** Content that became eligible because of delivered events. */
  onEventsContent(content: EligibleContent[]): void;
}

/** Wires storage, identity, transport, queue, scheduler and route watching for one instance. */
export function startRuntime(
  sdkKey: string,
  options: WaymarkOptions,
  hooks: RuntimeHooks,
): Runtime {
  const { log } = hooks;
  const storage = browserStorage();
  const transport = createTransport(options.apiHost.replace(/\/+$/, ''), sdkKey);
  const identity = new IdentityStore(storage, () => randomId());
  const envelope = (batch: readonly QueuedEvent[]): EventsRequest => ({
    user: batch[0]?.user ?? identity.user,
    sentAt: new Date().toISOString(),
    events: batch.map((item) => item.event),
  });
  const queue = new EventQueue({
    storage,
    storageKey: `waymark.queue.${sdkKey}`,
    send: async (batch) => {
      const { outcome, response } = await transport.events(envelope(batch));
      try {
        if (response?.content.length) hooks.onEventsContent(response.content);
      } catch (error) {
        log.error('applying new content failed', error);
      }
      return outcome;
    },
    beacon: (batch) => transport.beacon(envelope(batch)),
  });
  const scheduler = new ContentScheduler({ url: () => location.href, run: hooks.run });
  const unwatchRoute = watchRoute(
    window,
    (href) => scheduler.route(href),
    (error) => log.error('route change failed', error),
  );
  // pagehide is the reliable unload signal (bfcache-safe); a hidden tab may never come back.
  const flush = (): void => {
    try {
      queue.flushWithBeacon();
    } catch (error) {
      log.error('flushing events failed', error);
    }
  };
  const onVisibility = (): void => {
    if (document.visibilityState === 'hidden') flush();
  };
  addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onVisibility);
  const locale = options.locale ?? navigator.language;
  return {
    identity,
    queue,
    transport,
    scheduler,
    context: () => ({
      url: location.href,
      ...(locale && locale.length >= 2 ? { locale } : {}),
      viewport: { width: innerWidth, height: innerHeight },
      userAgent: navigator.userAgent,
    }),
    stop() {
      unwatchRoute();
      scheduler.clear();
      removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      queue.flushWithBeacon();
      queue.stop();
    },
  };
}

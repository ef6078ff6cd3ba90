import type {
  EligibleContent,
  EventsRequest,
  HoldoutContent,
  SdkContext,
  SdkEvent,
} from '@waymark/shared';
import { watchRoute } from '../dom/route.watcher';
import type { WaymarkOptions } from '../public.types';
import { startDelivery } from './event.delivery';
import { ContentScheduler, type RunRequest } from './content.scheduler';
import type { Logger } from './debug.logger';
import { beaconEvents, createPost, type Post } from './http.transport';
import { createIdentityStore, type IdentityStore } from './identity.store';
import { ProgressTracker, type QueuedProgress } from './progress.tracker';
import { readQueued, type QueuedEvent } from './queue.store';
import { browserStorage, type KeyValueStorage } from './storage.adapter';
import type { ContentRun } from './surface.port';
import { randomId } from './uuid.util';

/** Where recorded events (or progress updates) go until they are delivered. */
export interface Outbox<E extends { messageId: string }> {
  enqueue(item: QueuedEvent<E>): void;
}

/** What exists between `init` and `destroy`. */
export interface Runtime {
  storage: KeyValueStorage;
  identity: IdentityStore;
  queue: Outbox<SdkEvent>;
  progressQueue: Outbox<QueuedProgress>;
  /** Progress updates not delivered yet, oldest first (from storage: any tab, any page). */
  pendingProgress(): QueuedProgress[];
  progress: ProgressTracker;
  post: Post;
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

/** Wires storage, identity, event and progress delivery, scheduler and route watching for one instance. */
export function startRuntime(
  sdkKey: string,
  options: WaymarkOptions,
  hooks: RuntimeHooks,
): Runtime {
  const { log } = hooks;
  const storage = browserStorage();
  const apiHost = options.apiHost.replace(/\/+$/, '');
  const identity = createIdentityStore(storage, randomId);
  const locale = options.locale ?? navigator.language ?? 'en';
  const context = (): SdkContext => ({
    url: location.href,
    ...(locale.length >= 2 ? { locale } : {}),
    viewport: { width: innerWidth, height: innerHeight },
    userAgent: navigator.userAgent,
  });
  const keys: [string, string] = [`waymark.queue.${sdkKey}`, `waymark.progressQueue.${sdkKey}`];
  const post = createPost(apiHost, sdkKey);
  const delivery = startDelivery({
    post,
    beacon: (body) => beaconEvents(apiHost, sdkKey, body),
    storage,
    keys,
    log,
    user: () => identity.user,
    context,
    extras: hooks.identityExtras,
    onContent: (content) => hooks.onEventsContent(content, []),
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
  return {
    storage,
    identity,
    queue: delivery.queue,
    progressQueue: delivery.progressQueue,
    pendingProgress: () => readQueued<QueuedProgress>(storage, keys[1]).map((q) => q.event),
    progress: new ProgressTracker(),
    post,
    scheduler,
    locale,
    context,
    stop() {
      unwatchRoute();
      scheduler.clear();
      delivery.stop();
    },
  };
}

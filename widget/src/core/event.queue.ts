import type { SdkEvent, SdkUser } from '@waymark/shared';
import { idOf, MAX_QUEUED, readQueued, writeQueued, type QueuedEvent } from './queue.store';
import type { KeyValueStorage } from './storage.adapter';

export { MAX_QUEUED, type QueuedEvent };

/** `retry`: keep and back off (network, 408, 429, 5xx); `drop`: the server will never take it. */
export type SendOutcome = 'ok' | 'retry' | 'drop';

export interface EventQueueDeps<E extends { messageId: string } = SdkEvent> {
  storage: KeyValueStorage;
  storageKey: string;
  send(batch: readonly QueuedEvent<E>[]): Promise<SendOutcome>;
  /** Hands a batch to `navigator.sendBeacon`; true when the browser accepted it. */
  beacon(batch: readonly QueuedEvent<E>[]): boolean;
  /** Jitter source in [0, 1). Default: `Math.random`. */
  random?(): number;
}

/** Events per request. */
export const MAX_BATCH = 20;
/** Wait before sending a partial batch. */
export const FLUSH_DELAY_MS = 1000;
/** First retry delay; it doubles per consecutive failure, up to `MAX_BACKOFF_MS`, jittered. */
export const BASE_BACKOFF_MS = 1000;
export const MAX_BACKOFF_MS = 60_000;

const userKey = (user: SdkUser): string => `${user.anonymousId}\n${user.userId ?? ''}`;

/** An outbox of events (or progress updates): see `createEventQueue`. */
export interface EventQueue<E extends { messageId: string } = SdkEvent> {
  /** Undelivered events, oldest first. */
  readonly pending: readonly QueuedEvent<E>[];
  enqueue(item: QueuedEvent<E>): void;
  /** Sends the next batch now (unless one is in flight); later batches follow on their own. */
  flush(): Promise<void>;
  /**
   * On `pagehide` (or a hidden tab): hands everything not already in flight to `sendBeacon`,
   * batch by batch until the browser refuses one. Beaconed events stay persisted: a beacon the
   * browser accepted may still never arrive (it is fire-and-forget), so they are sent again by
   * the next flush or the next page, and the server drops the copies by `messageId`.
   */
  flushWithBeacon(): void;
  /** Stops timers for good (`waymark.destroy`); undelivered events stay persisted. */
  stop(): void;
}

/**
 * Batches events by size and time, persists them until the server acknowledges them, retries
 * with jittered exponential backoff, and also hands them to `sendBeacon` when the page hides.
 * Each event keeps its `messageId`, so a batch delivered twice is deduplicated by the server.
 * (Closures rather than a class: private fields minify to `this.#x`, locals to one letter.)
 */
export function createEventQueue<E extends { messageId: string } = SdkEvent>(
  deps: EventQueueDeps<E>,
): EventQueue<E> {
  const { storage, storageKey } = deps;
  const load = (): QueuedEvent<E>[] => readQueued<E>(storage, storageKey);
  let items = load().slice(-MAX_QUEUED);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: ReadonlySet<string> | null = null;
  let failures = 0;
  let stopped = false;

  /** Leading events of one identity, up to `MAX_BATCH`: one request speaks for one user. */
  const nextBatch = (list: readonly QueuedEvent<E>[]): QueuedEvent<E>[] => {
    const key = list[0] && userKey(list[0].user);
    const end = list.findIndex((item, i) => i >= MAX_BATCH || userKey(item.user) !== key);
    return list.slice(0, end < 0 ? list.length : end);
  };

  const clearTimer = (): void => {
    clearTimeout(timer);
    timer = undefined;
  };

  /** A pending timer is kept unless `0` asks for now; during backoff nothing shortens the wait. */
  const schedule = (delayMs: number): void => {
    if (inFlight || stopped) return;
    if (timer !== undefined && (delayMs > 0 || failures > 0)) return;
    clearTimer();
    timer = setTimeout(() => void queue.flush(), delayMs);
  };

  /**
   * Writes our queue back, keeping events another tab stored meanwhile (same key) unless we just
   * delivered them: two tabs must not erase each other's undelivered events.
   */
  const persist = (delivered: ReadonlySet<string>): void => {
    const ours = new Set(items.map(idOf));
    const others = load().filter((item) => !ours.has(idOf(item)) && !delivered.has(idOf(item)));
    writeQueued(storage, storageKey, others.concat(items));
  };

  const queue: EventQueue<E> = {
    get pending() {
      return items;
    },
    enqueue(item) {
      items.push(item);
      const dropped = items.splice(0, Math.max(0, items.length - MAX_QUEUED));
      persist(new Set(dropped.map(idOf)));
      schedule(items.length >= MAX_BATCH ? 0 : FLUSH_DELAY_MS);
    },
    async flush() {
      clearTimer();
      if (inFlight || items.length === 0) return;
      const batch = nextBatch(items);
      const ids = new Set(batch.map(idOf));
      inFlight = ids;
      const outcome = await deps.send(batch).catch((): SendOutcome => 'retry');
      inFlight = null;
      if (outcome === 'retry') {
        const ceiling = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** failures++);
        return schedule(ceiling * (0.5 + 0.5 * (deps.random ?? Math.random)()));
      }
      failures = 0;
      items = items.filter((item) => !ids.has(idOf(item)));
      persist(ids);
      if (items.length > 0) schedule(0);
    },
    flushWithBeacon() {
      clearTimer();
      const waiting = items.filter((item) => !inFlight?.has(idOf(item)));
      for (let batch = nextBatch(waiting); batch.length > 0;) {
        if (!deps.beacon(batch)) break;
        waiting.splice(0, batch.length);
        batch = nextBatch(waiting);
      }
      if (items.length > 0) schedule(FLUSH_DELAY_MS);
    },
    stop() {
      stopped = true;
      clearTimer();
    },
  };
  if (items.length > 0) schedule(FLUSH_DELAY_MS);
  return queue;
}

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

/**
 * Batches events by size and time, persists them until the server acknowledges them, retries
 * with jittered exponential backoff, and also hands them to `sendBeacon` when the page hides.
 * Each event keeps its `messageId`, so a batch delivered twice is deduplicated by the server.
 */
export class EventQueue<E extends { messageId: string } = SdkEvent> {
  #deps: EventQueueDeps<E>;
  #items: QueuedEvent<E>[];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #inFlight: ReadonlySet<string> | null = null;
  #failures = 0;
  #stopped = false;

  constructor(deps: EventQueueDeps<E>) {
    this.#deps = deps;
    this.#items = this.#load().slice(-MAX_QUEUED);
    if (this.#items.length > 0) this.#schedule(FLUSH_DELAY_MS);
  }

  /** Undelivered events, oldest first. */
  get pending(): readonly QueuedEvent<E>[] {
    return this.#items;
  }

  enqueue(item: QueuedEvent<E>): void {
    this.#items.push(item);
    const dropped = this.#items.splice(0, Math.max(0, this.#items.length - MAX_QUEUED));
    this.#persist(new Set(dropped.map(idOf)));
    this.#schedule(this.#items.length >= MAX_BATCH ? 0 : FLUSH_DELAY_MS);
  }

  /** Sends the next batch now (unless one is in flight); later batches follow on their own. */
  async flush(): Promise<void> {
    this.#clearTimer();
    if (this.#inFlight || this.#items.length === 0) return;
    const batch = this.#nextBatch(this.#items);
    const ids = new Set(batch.map(idOf));
    this.#inFlight = ids;
    const outcome = await this.#deps.send(batch).catch((): SendOutcome => 'retry');
    this.#inFlight = null;
    if (outcome === 'retry') {
      const ceiling = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** this.#failures++);
      return this.#schedule(ceiling * (0.5 + 0.5 * (this.#deps.random ?? Math.random)()));
    }
    this.#failures = 0;
    this.#remove(ids);
    if (this.#items.length > 0) this.#schedule(0);
  }

  /**
   * On `pagehide` (or a hidden tab): hands everything not already in flight to `sendBeacon`,
   * batch by batch until the browser refuses one. Beaconed events stay persisted: a beacon the
   * browser accepted may still never arrive (it is fire-and-forget), so they are sent again by
   * the next flush or the next page, and the server drops the copies by `messageId`.
   */
  flushWithBeacon(): void {
    this.#clearTimer();
    const waiting = this.#items.filter((item) => !this.#inFlight?.has(idOf(item)));
    for (let batch = this.#nextBatch(waiting); batch.length > 0;) {
      if (!this.#deps.beacon(batch)) break;
      waiting.splice(0, batch.length);
      batch = this.#nextBatch(waiting);
    }
    if (this.#items.length > 0) this.#schedule(FLUSH_DELAY_MS);
  }

  /** Stops timers for good (`waymark.destroy`); undelivered events stay persisted. */
  stop(): void {
    this.#stopped = true;
    this.#clearTimer();
  }

  /** Leading events of one identity, up to `MAX_BATCH`: one request speaks for one user. */
  #nextBatch(items: readonly QueuedEvent<E>[]): QueuedEvent<E>[] {
    const key = items[0] && userKey(items[0].user);
    const end = items.findIndex((item, i) => i >= MAX_BATCH || userKey(item.user) !== key);
    return items.slice(0, end < 0 ? items.length : end);
  }

  /** A pending timer is kept unless `0` asks for now; during backoff nothing shortens the wait. */
  #schedule(delayMs: number): void {
    if (this.#inFlight || this.#stopped) return;
    if (this.#timer !== undefined && (delayMs > 0 || this.#failures > 0)) return;
    this.#clearTimer();
    this.#timer = setTimeout(() => void this.flush(), delayMs);
  }

  #clearTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #remove(ids: ReadonlySet<string>): void {
    this.#items = this.#items.filter((item) => !ids.has(idOf(item)));
    this.#persist(ids);
  }

  #load(): QueuedEvent<E>[] {
    return readQueued<E>(this.#deps.storage, this.#deps.storageKey);
  }

  /**
   * Writes our queue back, keeping events another tab stored meanwhile (same key) unless we just
   * delivered them: two tabs must not erase each other's undelivered events.
   */
  #persist(delivered: ReadonlySet<string>): void {
    const ours = new Set(this.#items.map(idOf));
    const others = this.#load().filter(
      (item) => !ours.has(idOf(item)) && !delivered.has(idOf(item)),
    );
    writeQueued(this.#deps.storage, this.#deps.storageKey, others.concat(this.#items));
  }
}

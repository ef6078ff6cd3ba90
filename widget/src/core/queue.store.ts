import type { SdkEvent, SdkUser } from '@waymark/shared';
import type { KeyValueStorage } from './storage.adapter';

/** One undelivered event (or progress update) and the identity it was recorded under. */
export interface QueuedEvent<E extends { messageId: string } = SdkEvent> {
  user: SdkUser;
  event: E;
}

/** Past this many undelivered events, the oldest are dropped. */
export const MAX_QUEUED = 500;

export const idOf = (item: QueuedEvent<{ messageId: string }>): string => item.event.messageId;

function isQueuedEvent(value: unknown): boolean {
  const { user, event } = (value ?? {}) as Partial<
    Record<'user' | 'event', Record<string, unknown>>
  >;
  return typeof user?.['anonymousId'] === 'string' && typeof event?.['messageId'] === 'string';
}

/**
 * The undelivered events stored under `key` (written by this tab, other tabs, or earlier pages).
 * Read by `EventQueue` when it starts, and by the core for progress not yet delivered.
 */
export function readQueued<E extends { messageId: string }>(
  storage: KeyValueStorage,
  key: string,
): QueuedEvent<E>[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? (parsed.filter(isQueuedEvent) as QueuedEvent<E>[]) : [];
  } catch {
    return [];
  }
}

/** Stores `items` (the newest `MAX_QUEUED`), or removes the key when there are none. */
export function writeQueued(
  storage: KeyValueStorage,
  key: string,
  items: readonly QueuedEvent<{ messageId: string }>[],
): void {
  if (items.length > 0) storage.setItem(key, JSON.stringify(items.slice(-MAX_QUEUED)));
  else storage.removeItem(key);
}

import type { SdkEvent, SdkUser } from '@waymark/shared';
import {
  createEventQueue,
  MAX_BACKOFF_MS,
  MAX_QUEUED,
  type EventQueueDeps,
  type QueuedEvent,
  type SendOutcome,
} from './event.queue';
import { memoryStorage } from './storage.adapter';

const KEY = 'waymark.queue.pk_test';
const anonymous: SdkUser = { anonymousId: 'anon-1' };

const anEvent = (id: number): SdkEvent => ({
  type: 'track',
  event: 'clicked',
  properties: { n: id },
  messageId: `message-${id}`,
  timestamp: '2025-01-01T00:00:00.000Z',
});
const queued = (id: number, user: SdkUser = anonymous): QueuedEvent => ({
  user,
  event: anEvent(id),
});
const ids = (batch: readonly QueuedEvent[]): string[] => batch.map((q) => q.event.messageId);

function setup(outcomes: SendOutcome[] = [], overrides: Partial<EventQueueDeps> = {}) {
  const storage = memoryStorage();
  const batches: QueuedEvent[][] = [];
  const sentAt: number[] = [];
  const deps: EventQueueDeps = {
    storage,
    storageKey: KEY,
    send: async (batch) => {
      batches.push([...batch]);
      sentAt.push(Date.now());
      return outcomes.shift() ?? 'ok';
    },
    beacon: () => true,
    random: () => 0, // jitter factor 0.5: delays are exactly half the ceiling
    ...overrides,
  };
  const stored = (): string[] => ids(JSON.parse(storage.getItem(KEY) ?? '[]') as QueuedEvent[]);
  return { deps, storage, batches, sentAt, stored, queue: () => createEventQueue(deps) };
}

/**
 * Advances fake time, then lets `send`'s promise chain settle and its follow-up timers run
 * (a 0 ms timeout fires after 1 ms, as in Node and browsers).
 */
async function elapse(ms: number): Promise<void> {
  await jest.advanceTimersByTimeAsync(ms);
  for (let i = 0; i < 5; i++) await jest.advanceTimersByTimeAsync(1);
}

beforeEach(() => jest.useFakeTimers({ now: 0 }));
afterEach(() => jest.useRealTimers());

describe('EventQueue', () => {
  it('sends a partial batch after the flush delay, in order', async () => {
    const { queue, batches } = setup();
    const q = queue();
    [1, 2, 3].forEach((n) => q.enqueue(queued(n)));

    await jest.advanceTimersByTimeAsync(999);
    expect(batches).toHaveLength(0);
    await elapse(1);
    expect(batches.map(ids)).toEqual([['message-1', 'message-2', 'message-3']]);
  });

  it('sends full batches of 20 at once and the rest right after', async () => {
    const { queue, batches } = setup();
    const q = queue();
    for (let n = 1; n <= 45; n++) q.enqueue(queued(n));

    await elapse(0);

    expect(batches.map((b) => b.length)).toEqual([20, 20, 5]);
    expect(q.pending).toHaveLength(0);
  });

  it('never mixes identities in one request', async () => {
    const { queue, batches } = setup();
    const q = queue();
    const identified = { anonymousId: 'anon-1', userId: 'user-9' };
    [queued(1), queued(2), queued(3, identified), queued(4)].forEach((item) => q.enqueue(item));

    await elapse(1000);

    expect(batches.map(ids)).toEqual([['message-1', 'message-2'], ['message-3'], ['message-4']]);
  });

  it('persists undelivered events, restores them in a new page, and clears them once sent', async () => {
    const first = setup(['retry']);
    first.queue().enqueue(queued(1));
    expect(first.stored()).toEqual(['message-1']);
    await elapse(1000); // delivery fails: still stored
    expect(first.stored()).toEqual(['message-1']);

    const nextPage = createEventQueue({ ...first.deps, send: async () => 'ok' });
    expect(ids(nextPage.pending)).toEqual(['message-1']);
    await elapse(1000);

    expect(nextPage.pending).toHaveLength(0);
    expect(first.storage.getItem(KEY)).toBeNull();
  });

  it('retries with exponential backoff, and new events do not cut the wait short', async () => {
    const { queue, sentAt, batches } = setup(['retry', 'retry', 'retry']);
    const q = queue();
    q.enqueue(queued(1));

    await elapse(1000); // first attempt at 1000
    for (let n = 2; n <= 25; n++) q.enqueue(queued(n)); // a full batch, during backoff
    await elapse(10_000);

    // ceilings 1 s, 2 s, 4 s, jittered to half: attempts at 1000, 1500, 2500, 4500, then the rest
    expect(sentAt.slice(0, 4)).toEqual([1000, 1500, 2500, 4500]);
    expect(batches.map((b) => b.length)).toEqual([1, 20, 20, 20, 5]);
    expect(q.pending).toHaveLength(0);
  });

  it('caps the backoff', async () => {
    const { queue, sentAt } = setup(Array<SendOutcome>(12).fill('retry'));
    queue().enqueue(queued(1));

    for (let i = 0; i < 12; i++) await elapse(MAX_BACKOFF_MS);

    const gaps = sentAt.slice(1).map((t, i) => t - (sentAt[i] ?? 0));
    expect(Math.max(...gaps)).toBe(MAX_BACKOFF_MS / 2);
  });

  it('treats a throwing sender as a retry, and drops what the server refuses for good', async () => {
    let calls = 0;
    const { queue, batches } = setup(['drop'], {
      send: async (batch) => {
        calls++;
        if (calls === 1) throw new Error('offline');
        batches.push([...batch]);
        return 'drop';
      },
    });
    const q = queue();
    q.enqueue(queued(1));

    await elapse(1000);
    expect(q.pending).toHaveLength(1);
    await elapse(500);

    expect(batches).toHaveLength(1);
    expect(q.pending).toHaveLength(0);
  });

  it('beacons everything on pagehide, stopping where the browser refuses, and keeps it all stored', () => {
    const beaconed: string[][] = [];
    const { queue, stored } = setup([], {
      beacon: (batch) => {
        if (beaconed.length === 2) return false;
        beaconed.push(ids(batch));
        return true;
      },
    });
    const q = queue();
    for (let n = 1; n <= 45; n++) q.enqueue(queued(n));

    q.flushWithBeacon();

    expect(beaconed.map((b) => b.length)).toEqual([20, 20]);
    // A beacon may be lost after the browser took it: the next flush or page sends it again.
    expect(stored()).toHaveLength(45);
    expect(q.pending).toHaveLength(45);
  });

  it('removes beaconed events once a normal delivery acknowledges them', async () => {
    const { queue, stored } = setup([], { beacon: () => true });
    const q = queue();
    for (let n = 1; n <= 3; n++) q.enqueue(queued(n));
    q.flushWithBeacon();

    await q.flush();

    expect(q.pending).toHaveLength(0);
    expect(stored()).toEqual([]);
  });

  it('drops the oldest events past the cap', () => {
    const { queue } = setup([], { send: () => new Promise<SendOutcome>(() => {}) });
    const q = queue();
    for (let n = 1; n <= MAX_QUEUED + 3; n++) q.enqueue(queued(n));

    expect(q.pending).toHaveLength(MAX_QUEUED);
    expect(q.pending[0]?.event.messageId).toBe('message-4');
  });

  it('keeps events another tab stored under the same key', () => {
    const { queue, storage, stored } = setup();
    const q = queue();
    storage.setItem(KEY, JSON.stringify([queued(100)]));

    q.enqueue(queued(1));

    expect(stored()).toEqual(['message-100', 'message-1']);
  });

  it('ignores corrupt storage', () => {
    const { deps, storage } = setup();
    storage.setItem(KEY, '{not json');
    expect(createEventQueue(deps).pending).toEqual([]);
    storage.setItem(KEY, JSON.stringify([{ user: {}, event: 1 }, queued(7)]));
    expect(ids(createEventQueue(deps).pending)).toEqual(['message-7']);
  });
});

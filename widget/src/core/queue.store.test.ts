import { MAX_QUEUED, readQueued, writeQueued, type QueuedEvent } from './queue.store';
import { memoryStorage } from './storage.adapter';

const KEY = 'waymark.queue.pk_1';
const item = (n: number) =>
  ({
    user: { anonymousId: 'anon-1' },
    event: { type: 'page', properties: {}, messageId: `m${n}`, timestamp: 't' },
  }) as QueuedEvent;

describe('queue store (the stored event and progress queues)', () => {
  it('reads back what was written, oldest first', () => {
    const storage = memoryStorage();
    writeQueued(storage, KEY, [item(1), item(2)]);
    writeQueued(storage, KEY, [...readQueued(storage, KEY), item(3)]);

    expect(readQueued(storage, KEY).map((q) => q.event.messageId)).toEqual(['m1', 'm2', 'm3']);
  });

  it('keeps the newest MAX_QUEUED and removes the key when nothing is left', () => {
    const storage = memoryStorage();
    writeQueued(
      storage,
      KEY,
      Array.from({ length: MAX_QUEUED + 2 }, (_, i) => item(i)),
    );
    const kept = readQueued(storage, KEY);
    expect(kept).toHaveLength(MAX_QUEUED);
    expect(kept[0]?.event.messageId).toBe('m2');

    writeQueued(storage, KEY, []);
    expect(storage.getItem(KEY)).toBeNull();
  });

  it('ignores what is not a queued event, and unreadable storage', () => {
    const storage = memoryStorage();
    storage.setItem(KEY, JSON.stringify([item(1), { user: {}, event: {} }, 'x', null]));
    expect(readQueued(storage, KEY).map((q) => q.event.messageId)).toEqual(['m1']);

    storage.setItem(KEY, '{not json');
    expect(readQueued(storage, KEY)).toEqual([]);
  });
});

import type { Queryable } from './identity-ops';
import { pairKey, PairCache, WritePlan, type KeyedRow } from './write-plan';

const WS = '00000000-0000-4000-8000-000000000001';
let made = 0;

function row(overrides: Partial<KeyedRow> = {}): KeyedRow {
  return {
    workspaceId: WS,
    messageId: `m-${++made}`,
    name: 'Clicked',
    userId: 'u1',
    anonymousId: 'a1',
    properties: {},
    ts: new Date('2026-01-02T03:04:05.000Z'),
    ...overrides,
  };
}

describe('WritePlan', () => {
  it('says who each committed row touched, runs of one sender and interleaved ones alike', () => {
    const cache = new PairCache();
    cache.set(pairKey(WS, 'u1', 'a1'), 'person-1');
    cache.set(pairKey(WS, null, 'a2'), 'person-2');
    const rows = [
      row({ name: 'A' }),
      row({ name: 'B' }),
      row({ userId: null, anonymousId: 'a2', name: 'C' }),
      row({ name: 'D', identity: { kind: 'identify', traits: {} } }),
      row({ userId: null, anonymousId: 'a2', name: 'E' }),
    ];
    const plan = new WritePlan(rows, cache);

    const touches = plan.touches(new Set());

    expect(plan.needsTransaction).toBe(true);
    expect(touches).toEqual([
      {
        workspaceId: WS,
        endUserId: 'person-1',
        eventNames: new Set(['A', 'B', 'D']),
        traits: true,
        companies: false,
      },
      {
        workspaceId: WS,
        endUserId: 'person-2',
        eventNames: new Set(['C', 'E']),
        traits: false,
        companies: false,
      },
    ]);
  });

  it('leaves out duplicates and pairs it has not resolved', () => {
    const cache = new PairCache();
    cache.set(pairKey(WS, 'u1', 'a1'), 'person-1');
    const stored = row({ messageId: 'already', name: 'Old' });
    const rows = [stored, row({ name: 'New' }), row({ userId: 'u9', name: 'Unknown' })];
    const plan = new WritePlan(rows, cache);

    const touches = plan.touches(new Set([`${WS}\u0000already`]));

    expect(touches.map((t) => [t.endUserId, [...t.eventNames]])).toEqual([['person-1', ['New']]]);
  });

  it('needs no transaction when every pair is known and no row carries identity work', () => {
    const cache = new PairCache();
    cache.set(pairKey(WS, 'u1', 'a1'), 'person-1');

    const plan = new WritePlan([row(), row(), row()], cache);

    expect(plan.needsTransaction).toBe(false);
  });
});

/** A database where no id exists yet: every statement answers no rows. */
class EmptyDb implements Queryable {
  query<T>(): Promise<T> {
    // Every caller here reads rows; an empty list is a valid answer for each.
    return Promise.resolve([] as unknown as T);
  }
}

describe('PairCache', () => {
  it('forgets every pair resolved to a person, and only those', () => {
    const cache = new PairCache();
    cache.set(pairKey(WS, null, 'a1'), 'person-1');
    cache.set(pairKey(WS, 'u1', 'a1'), 'person-1');
    cache.set(pairKey(WS, null, 'a2'), 'person-2');
    cache.forget('person-1');
    expect(cache.get(pairKey(WS, null, 'a1'))).toBeUndefined();
    expect(cache.get(pairKey(WS, 'u1', 'a1'))).toBeUndefined();
    expect(cache.get(pairKey(WS, null, 'a2'))).toBe('person-2');
    expect(cache.size).toBe(1);
  });

  it('forgets a pair moved to another person under its new owner, not its old one', () => {
    const cache = new PairCache();
    cache.set(pairKey(WS, null, 'a1'), 'person-1');
    cache.set(pairKey(WS, null, 'a1'), 'person-2');
    cache.forget('person-1');
    expect(cache.get(pairKey(WS, null, 'a1'))).toBe('person-2');
    cache.forget('person-2');
    expect(cache.get(pairKey(WS, null, 'a1'))).toBeUndefined();
  });

  it('stays within its bound, oldest out first, and forgets nothing it no longer holds', () => {
    const cache = new PairCache(2);
    cache.set(pairKey(WS, null, 'a1'), 'person-1');
    cache.set(pairKey(WS, null, 'a2'), 'person-1');
    cache.set(pairKey(WS, null, 'a3'), 'person-3');
    expect(cache.size).toBe(2);
    expect(cache.get(pairKey(WS, null, 'a1'))).toBeUndefined();
    cache.forget('person-1');
    expect(cache.size).toBe(1);
    expect(cache.get(pairKey(WS, null, 'a3'))).toBe('person-3');
  });

  it('remembers nothing while disabled (news of moves could be missed), and starts empty again', () => {
    const cache = new PairCache();
    cache.set(pairKey(WS, null, 'a1'), 'person-1');
    cache.enabled = false;
    expect(cache.size).toBe(0);
    cache.set(pairKey(WS, null, 'a2'), 'person-2');
    expect(cache.size).toBe(0);
    cache.enabled = true;
    cache.set(pairKey(WS, null, 'a2'), 'person-2');
    expect(cache.get(pairKey(WS, null, 'a2'))).toBe('person-2');
  });

  it('keeps a flush from remembering pairs when an identity moved while it ran', async () => {
    const empty = new EmptyDb();
    const resolved = async (cache: PairCache, forgetMeanwhile: boolean) => {
      const plan = new WritePlan([row({ userId: null, anonymousId: 'a9' })], cache);
      await plan.apply(empty, new Set());
      if (forgetMeanwhile) cache.forget('someone-else');
      plan.commit();
    };
    const quiet = new PairCache();
    await resolved(quiet, false);
    expect(quiet.get(pairKey(WS, null, 'a9'))).toEqual(expect.any(String));
    const moved = new PairCache();
    await resolved(moved, true);
    expect(moved.get(pairKey(WS, null, 'a9'))).toBeUndefined();
  });
});

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

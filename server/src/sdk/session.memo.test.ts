import type { SessionRequest } from '@waymark/shared';
import type { ItemRow } from '../content/content-config.service';
import {
  decidedByRequest,
  memoKeyOf,
  sameLists,
  SessionMemo,
  type MemoEntry,
} from './session.memo';
import { buildWorkspaceConfig } from './workspace-config';

const item = (n: number, audience: ItemRow['audience']): ItemRow => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  kind: 'flow',
  name: `Item ${n}`,
  status: 'published',
  priority: 0,
  triggers: [{ type: 'immediate' }],
  audience,
  frequency: { type: 'once' },
  schedule: null,
  publishedVersionId: null,
});
const configOf = (...audiences: Array<ItemRow['audience']>) =>
  buildWorkspaceConfig(
    'ws',
    audiences.map((a, i) => item(i + 1, a)),
    [],
    [],
    new Map(),
  );
const request = (traits: SessionRequest['traits']): SessionRequest => ({
  user: { anonymousId: 'anon-1' },
  traits,
  context: { url: 'https://app.example.com/' },
});
const entry = (generation: number): MemoEntry => ({
  workspaceId: 'ws',
  body: request({}),
  traits: null,
  generation,
  progressKeys: ['ws a:anon-1'],
  progress: [],
  assignments: null,
  until: Infinity,
  answer: { body: Buffer.from('{}'), etag: 'e', coded: {} },
});

describe('decidedByRequest', () => {
  const trait = {
    type: 'rule',
    rule: { type: 'trait', key: 'plan', op: 'eq', value: 'pro' },
  } as const;

  it('holds when every audience reads only traits the request carries, or the page', () => {
    expect(decidedByRequest(request({}), configOf({ type: 'everyone' }))).toBe(true);
    expect(decidedByRequest(request({ plan: 'free' }), configOf(trait))).toBe(true);
    const page = { type: 'rule', rule: { type: 'page', op: 'eq', value: '/' } } as const;
    expect(decidedByRequest(request({}), configOf(page))).toBe(true);
  });

  it('fails when stored traits, events, segments or the clock can change the answer', () => {
    expect(decidedByRequest(request({}), configOf(trait))).toBe(false);
    const cases: Array<ItemRow['audience']> = [
      {
        type: 'rule',
        rule: { type: 'event', name: 'Invite Sent', where: [], count: { op: 'gte', value: 1 } },
      },
      { type: 'segments', segmentIds: ['00000000-0000-4000-8000-000000000009'], match: 'any' },
      { type: 'rule', rule: { type: 'trait', key: 'signedUp', op: 'within_last_days', value: 7 } },
      { type: 'rule', rule: { type: 'time_window', timezone: 'UTC', startHour: 9, endHour: 17 } },
      { type: 'rule', rule: { type: 'first_seen', op: 'more_than_days_ago', value: 3 } },
    ];
    for (const audience of cases) {
      expect(decidedByRequest(request({ signedUp: 'x' }), configOf(audience))).toBe(false);
    }
  });
});

describe('SessionMemo', () => {
  it('keys by the exact text, answers only its own workspace, and skips long bodies', () => {
    expect(memoKeyOf('{"a":1}')).not.toBe(memoKeyOf('{"a": 1}'));
    expect(memoKeyOf('x'.repeat(9000))).toBeNull();
    const memo = new SessionMemo();
    memo.set('{"a":1}', entry(1));
    expect(memo.get('{"a":1}', 'ws')?.generation).toBe(1);
    expect(memo.get('{"a":1}', 'other')).toBeUndefined();
  });

  it('keeps two generations: an entry read from the old one survives the next turnover', () => {
    const memo = new SessionMemo(4);
    memo.set('a', entry(1));
    memo.set('b', entry(1)); // young full: a, b become the old generation
    memo.set('c', entry(1));
    expect(memo.get('a', 'ws')?.generation).toBe(1); // moved back to the young one (c, a → old)
    memo.set('d', entry(1));
    expect(memo.get('b', 'ws')).toBeUndefined();
    expect(memo.get('c', 'ws')?.generation).toBe(1);
    expect(memo.size).toBeLessThanOrEqual(4);
  });

  it('compares lists by identity, as the caches replace them', () => {
    const list = [1];
    expect(sameLists([list], [list])).toBe(true);
    expect(sameLists([list], [[1]])).toBe(false);
    expect(sameLists([list], [list, list])).toBe(false);
  });
});

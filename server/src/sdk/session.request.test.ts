import { contract } from '@waymark/shared';
import { quickSessionRequest } from './session.request';

const schema = contract.sdkSession.body;

const valid = {
  user: { anonymousId: 'anon-1', userId: 'user-1' },
  traits: { plan: 'pro', seats: 5, beta: true, gone: null },
  userHash: 'abc',
  context: {
    url: 'https://app.example.com/app/projects?x=1',
    locale: 'fi-FI',
    viewport: { width: 1280, height: 800 },
    userAgent: 'Mozilla/5.0',
  },
};

/** Variations of each part: valid ones, invalid ones, and shapes the quick check leaves out. */
const users: unknown[] = [
  valid.user,
  { anonymousId: 'a' },
  { anonymousId: '' },
  { anonymousId: 'a'.repeat(200), userId: 'u'.repeat(201) },
  { anonymousId: 'a', userId: '' },
  { anonymousId: 7 },
  { anonymousId: 'a', extra: 1 },
  null,
  ['a'],
];
const traits: unknown[] = [
  undefined,
  {},
  valid.traits,
  { nested: { a: 1 } },
  { list: [1, 2] },
  { '': 1 },
  { ['k'.repeat(201)]: 1 },
  JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  { n: 1.5, neg: -3 },
  'plan',
  null,
];
const contexts: unknown[] = [
  valid.context,
  { url: 'https://example.com' },
  { url: 'not a url' },
  { url: '' },
  { url: 'javascript:alert(1)' },
  { url: ' https://example.com/ ' },
  { url: `https://example.com/${'x'.repeat(4000)}` },
  { url: 'https://example.com', locale: 'e' },
  { url: 'https://example.com', locale: 'x'.repeat(36) },
  { url: 'https://example.com', viewport: { width: -1, height: 2 } },
  { url: 'https://example.com', viewport: { width: 1.5, height: 2 } },
  { url: 'https://example.com', viewport: { width: 1, height: 2, depth: 3 } },
  { url: 'https://example.com', userAgent: 'u'.repeat(1001) },
  { url: 'https://example.com', extra: true },
  {},
  undefined,
];
const hashes: unknown[] = [undefined, '', 'h'.repeat(200), 'h'.repeat(201), 5];

describe('quickSessionRequest', () => {
  it('answers exactly what the schema parses, or null (then the schema decides)', () => {
    let quick = 0;
    for (const user of users) {
      for (const t of traits) {
        for (const context of contexts) {
          for (const userHash of hashes) {
            const body: Record<string, unknown> = { user, context };
            if (t !== undefined) body.traits = t;
            if (userHash !== undefined) body.userHash = userHash;
            const parsed = schema.safeParse(body);
            const fast = quickSessionRequest(body);
            if (fast === null) continue;
            quick += 1;
            expect(parsed.success).toBe(true);
            expect(fast).toStrictEqual(parsed.data);
            expect(JSON.stringify(fast)).toBe(JSON.stringify(parsed.data));
          }
        }
      }
    }
    // The common shapes do take the quick path.
    expect(quick).toBeGreaterThan(50);
    expect(quickSessionRequest(valid)).not.toBeNull();
    expect(quickSessionRequest({ ...valid, extra: 1 })).toBeNull();
    expect(quickSessionRequest(null)).toBeNull();
  });

  it('never lets a `__proto__` trait reach the copy', () => {
    const body = {
      ...valid,
      traits: JSON.parse('{"a": 1, "__proto__": {"polluted": true}}') as unknown,
    };
    expect(quickSessionRequest(body)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

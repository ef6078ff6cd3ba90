import { SegmentMessageSchema } from '@waymark/shared';
import { JsonSegmentMessageSchema } from './message-schema';

const ts = '2026-01-02T03:04:05.000Z';
const valid: unknown[] = [
  { type: 'track', event: 'Signed Up', userId: 'u1', properties: { plan: 'pro', n: 1 } },
  { type: 'track', event: 'X', anonymousId: 'a1', timestamp: ts, sentAt: ts, messageId: 'm' },
  { type: 'track', event: 'X', userId: 42, context: { page: { path: '/' } }, extra: [1, 2] },
  { type: 'identify', userId: 'u1', traits: { email: 'a@b.c', nested: { deep: [1, null] } } },
  { type: 'identify', anonymousId: 'a1' },
  { type: 'page', userId: 'u1', name: 'Home', category: 'Docs', properties: { path: '/' } },
  { type: 'page', anonymousId: 'a1', name: null },
  { type: 'screen', userId: 'u1', name: 'Settings' },
  { type: 'group', userId: 'u1', groupId: 7, traits: { plan: 'team' } },
  { type: 'alias', userId: 'u2', previousId: 'a1', originalTimestamp: ts },
  { type: 'track', event: 'X', userId: 'u1', anonymousId: null, integrations: { All: true } },
];
const invalid: unknown[] = [
  null,
  'text',
  [],
  {},
  { type: 'nope', userId: 'u1' },
  { type: 'track', userId: 'u1' },
  { type: 'track', event: '', userId: 'u1' },
  { type: 'track', event: 'X' },
  { type: 'track', event: 'X', userId: '' },
  { type: 'track', event: 'X', userId: 'u1', properties: { '': 1 } },
  { type: 'track', event: 'X', userId: 'u1', properties: { ['k'.repeat(201)]: 1 } },
  { type: 'track', event: 'X', userId: 'u1', properties: [1] },
  { type: 'track', event: 'X', userId: 'u1', timestamp: 'yesterday' },
  { type: 'track', event: 'X', userId: 'u1', context: 'web' },
  { type: 'identify', userId: 'u1', traits: null },
  { type: 'group', userId: 'u1' },
  { type: 'alias', anonymousId: 'a1', previousId: 'p' },
  { type: 'alias', userId: 'u1' },
  { type: 'page', userId: 'u1', name: 5 },
  { type: 'track', event: 'X', userId: 'u1', messageId: 'm'.repeat(201) },
];

describe('JsonSegmentMessageSchema (the shared schema, compiled, for JSON-parsed messages)', () => {
  it.each(valid.map((m) => [JSON.stringify(m), m]))('accepts %s as the shared one does', (_, m) => {
    const input = JSON.parse(JSON.stringify(m)) as unknown;
    const ours = JsonSegmentMessageSchema.safeParse(input);
    const shared = SegmentMessageSchema.safeParse(input);
    expect(shared.success).toBe(true);
    expect(ours.success).toBe(true);
    expect(ours.data).toEqual(shared.data);
  });

  it.each(invalid.map((m) => [JSON.stringify(m), m]))(
    'rejects %s with the shared issues',
    (_, m) => {
      const input = JSON.parse(JSON.stringify(m)) as unknown;
      const ours = JsonSegmentMessageSchema.safeParse(input);
      const shared = SegmentMessageSchema.safeParse(input);
      expect(shared.success).toBe(false);
      expect(ours.success).toBe(false);
      expect(ours.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual(
        shared.error!.issues.map((i) => [i.path.join('.'), i.message]),
      );
    },
  );

  it('returns a fresh object (defaults are not shared between messages)', () => {
    const a = JsonSegmentMessageSchema.parse({ type: 'page', userId: 'u1' });
    const b = JsonSegmentMessageSchema.parse({ type: 'page', userId: 'u2' });
    expect(a.type === 'page' && b.type === 'page' && a.properties !== b.properties).toBe(true);
  });
});

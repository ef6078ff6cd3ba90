import { assignVariant, SessionResponseSchema, type AudienceOutcome } from '@waymark/shared';
import type { ItemRow, VersionRow } from '../content/content-config.service';
import type { Experiment } from '../experiments/experiment.entity';
import { eligibleItems, eligibleNow, resolveArms, type ProgressState } from './decision.engine';
import { sessionAnswerJson, toEligible } from './session.answer';
import { buildWorkspaceConfig } from './workspace-config';

const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const now = new Date('2025-06-04T12:00:00Z');

const item = (n: number, overrides: Partial<ItemRow> = {}): ItemRow => ({
  id: uuid(n),
  kind: 'flow',
  name: `Item ${n}`,
  status: 'published',
  priority: 0,
  triggers: [{ type: 'immediate' }],
  audience: { type: 'everyone' },
  frequency: { type: 'once' },
  schedule: null,
  publishedVersionId: uuid(100 + n),
  ...overrides,
});
const version = (n: number, contentId: string, heading = `V${n}`): VersionRow => ({
  id: uuid(n),
  contentId,
  version: 1,
  definition: {
    kind: 'flow',
    steps: [
      {
        id: 's',
        type: 'modal',
        placement: 'auto',
        backdrop: false,
        advance: { on: 'button' },
        blocks: [{ type: 'heading', text: heading }],
      },
    ],
    translations: { fi: { [heading]: `${heading} (fi)` } },
  },
  themeId: null,
});
const plan = (value: string) =>
  ({ type: 'rule', rule: { type: 'trait', key: 'plan', op: 'eq', value } }) as const;

const rows = [
  item(1),
  item(2, { audience: plan('pro') }),
  item(3, { audience: plan('free') }),
  item(4, {
    audience: { type: 'rule', rule: { any: [{ type: 'trait', key: 'x', op: 'exists' }] } },
  }),
  item(5, { priority: -1 }),
];
const versions = [
  ...rows.map((r, i) => version(101 + i, r.id)),
  version(200, uuid(5), 'Variant B'),
];
const experiment = {
  id: uuid(900),
  contentId: uuid(5),
  name: 'E',
  seed: 'seed',
  holdout: { weight: 1 },
  variants: [
    { key: 'a', versionId: uuid(105), weight: 1 },
    { key: 'b', versionId: uuid(200), weight: 1 },
  ],
} as Experiment;
const config = buildWorkspaceConfig('ws', rows, versions, [experiment], new Map());

describe('workspace configuration', () => {
  it('indexes trait-equality audiences so a session evaluates only its own', () => {
    expect([...config.gates.get('plan')!.keys()]).toEqual(['pro', 'free']);
    expect(config.ungated.map((i) => i.id)).toEqual([uuid(4)]);
    expect(config.open.map((i) => i.id)).toEqual([uuid(1), uuid(5)]);
  });
});

describe('eligibleItems and resolveArms', () => {
  const match: AudienceOutcome = { result: 'match' };

  it('keeps delivery order, skips closed gates and finished items', () => {
    const audiences = new Map([[uuid(2), match]]);
    const done: ProgressState = {
      contentId: uuid(1),
      versionId: uuid(101),
      status: 'completed',
      stepId: null,
      items: [],
      answers: {},
      shownAt: '2025-06-01T00:00:00Z',
      completedAt: '2025-06-01T00:00:00Z',
      dismissedAt: null,
    };
    const ids = (progress: Map<string, ProgressState>) =>
      eligibleItems(config, audiences, progress, now).map((i) => i.id);
    expect(ids(new Map())).toEqual([uuid(1), uuid(2), uuid(5)]);
    expect(ids(new Map([[uuid(1), done]]))).toEqual([uuid(2), uuid(5)]);
  });

  it('resolves the arm by hash, keeps a stored arm, and holds out control', () => {
    const eligible = eligibleItems(config, new Map(), new Map(), now);
    const arms = new Map<string, string>();
    for (let i = 0; i < 200; i++) {
      const key = `user-${i}`;
      const decision = resolveArms(eligible, new Map(), key, `u:${key}`);
      const expected = assignVariant(experiment, key)!;
      arms.set(expected.key, key);
      expect(decision.newAssignments).toEqual([
        {
          experimentId: uuid(900),
          userKey: `u:${key}`,
          arm: expected.key,
          versionId: expected.arm === 'variant' ? expected.versionId : null,
        },
      ]);
      const held = decision.holdouts.map((h) => h.item.id);
      expect(held).toEqual(expected.arm === 'control' ? [uuid(5)] : []);
    }
    expect([...arms.keys()].sort()).toEqual(['a', 'b', 'control']);
    const stored = new Map([
      [
        uuid(900),
        {
          experimentId: uuid(900),
          userKey: 'u:x',
          arm: 'b',
          versionId: uuid(200),
          exposedAt: null,
        },
      ],
    ]);
    const sticky = resolveArms(eligible, stored, arms.get('a')!, 'u:x');
    expect(sticky.newAssignments).toEqual([]);
    expect(sticky.delivered.find((d) => d.item.id === uuid(5))?.payload.versionId).toBe(uuid(200));
  });

  it('serialises the same answer as the object form, localized, and valid by the contract', () => {
    const eligible = eligibleItems(config, new Map([[uuid(2), match]]), new Map(), now);
    const decision = resolveArms(eligible, new Map(), 'someone', 'u:someone');
    const { json, etag } = sessionAnswerJson(decision, new Map(), 'fi-FI');
    const parsed: unknown = JSON.parse(json);
    expect(parsed).toEqual({
      content: decision.delivered.map((d) => toEligible(d, new Map(), 'fi-FI')),
      etag,
      holdouts: decision.holdouts.map((h) => ({
        id: h.item.id,
        kind: 'flow',
        priority: -1,
        triggers: [{ type: 'immediate' }],
        experimentId: uuid(900),
      })),
      featureTags: [],
      locale: 'fi-FI',
    });
    expect(SessionResponseSchema.parse(parsed)).toEqual(parsed);
    const first = (
      parsed as {
        content: Array<{ definition: { steps: Array<{ blocks: Array<{ text: string }> }> } }>;
      }
    ).content[0]!;
    expect(first.definition.steps[0]!.blocks[0]!.text).toBe('V101 (fi)');
    expect(sessionAnswerJson(decision, new Map(), 'fi-FI').etag).toBe(etag);
    expect(sessionAnswerJson(decision, new Map(), 'en').etag).not.toBe(etag);
  });
});

describe('eligibleNow', () => {
  const shown = (contentId: string, status: ProgressState['status']): ProgressState => ({
    contentId,
    versionId: uuid(101),
    status,
    stepId: null,
    items: [],
    answers: {},
    shownAt: '2025-06-03T12:00:00.000Z',
    completedAt: status === 'completed' ? '2025-06-03T12:00:00.000Z' : null,
    dismissedAt: null,
  });
  const timed = buildWorkspaceConfig(
    'ws',
    [
      item(1),
      item(2, { schedule: { timezone: 'UTC', start: '2025-06-04T12:30:00.000Z' } }),
      item(3, { schedule: { timezone: 'UTC', end: '2025-06-04T15:00:00.000Z' } }),
      item(4, { frequency: { type: 'every_n_days', days: 2 } }),
      item(5, {
        audience: plan('pro'),
        schedule: { timezone: 'UTC', start: '2025-06-04T12:01:00.000Z' },
      }),
    ],
    [1, 2, 3, 4, 5].map((n) => version(100 + n, uuid(n))),
    [],
    new Map(),
  );

  it('says until when the clock alone cannot change the items: the next schedule boundary', () => {
    const { items, until } = eligibleNow(timed, new Map(), new Map(), now);
    expect(items.map((i) => i.id)).toEqual([uuid(1), uuid(3), uuid(4)]);
    // Item 2 opens at 12:30, item 3 closes at 15:00; item 5's audience did not match.
    expect(new Date(until).toISOString()).toBe('2025-06-04T12:30:00.000Z');
    const later = eligibleNow(timed, new Map(), new Map(), new Date('2025-06-04T13:00:00Z'));
    expect(later.items.map((i) => i.id)).toEqual([uuid(1), uuid(2), uuid(3), uuid(4)]);
    expect(new Date(later.until).toISOString()).toBe('2025-06-04T15:00:00.000Z');
    const open = eligibleNow(timed, new Map([[uuid(5), { result: 'match' }]]), new Map(), now);
    expect(new Date(open.until).toISOString()).toBe('2025-06-04T12:01:00.000Z');
  });

  it('counts the day an "every N days" item may show again, and nothing once the schedules are past', () => {
    const progress = new Map([[uuid(4), shown(uuid(4), 'completed')]]);
    const after = new Date('2025-06-04T16:00:00Z');
    const { items, until } = eligibleNow(timed, new Map(), progress, after);
    expect(items.map((i) => i.id)).toEqual([uuid(1), uuid(2)]);
    expect(new Date(until).toISOString()).toBe('2025-06-05T12:00:00.000Z');
    const resumed = new Map([[uuid(4), shown(uuid(4), 'in_progress')]]);
    expect(eligibleNow(timed, new Map(), resumed, after).until).toBe(Infinity);
  });
});

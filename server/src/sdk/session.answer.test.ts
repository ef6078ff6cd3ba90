import { assignVariant } from '@waymark/shared';
import type { ItemRow, VersionRow } from '../content/content-config.service';
import type { Experiment } from '../experiments/experiment.entity';
import { eligibleItems, resolveArms, type ProgressState } from './decision.engine';
import { sessionAnswer, sessionAnswerJson } from './session.answer';
import { buildWorkspaceConfig } from './workspace-config';

const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const now = new Date('2025-06-04T12:00:00Z');

const item = (n: number): ItemRow => ({
  id: uuid(n),
  kind: 'flow',
  name: `Item ${n}`,
  status: 'published',
  priority: 0,
  triggers: [{ type: 'immediate' }],
  audience: { type: 'everyone' },
  frequency: { type: 'unlimited' },
  schedule: null,
  publishedVersionId: uuid(100 + n),
});
const version = (id: number, contentId: string, heading: string): VersionRow => ({
  id: uuid(id),
  contentId,
  version: 1,
  definition: {
    kind: 'flow',
    steps: ['one', 'two'].map((step) => ({
      id: step,
      type: 'modal' as const,
      placement: 'auto' as const,
      backdrop: false,
      advance: { on: 'button' as const },
      blocks: [{ type: 'heading' as const, text: `${heading} ${step}` }],
    })),
    translations: { fi: { [`${heading} one`]: `${heading} yksi` } },
  },
  themeId: null,
});
const experiment = {
  id: uuid(900),
  contentId: uuid(2),
  name: 'E',
  seed: 'seed',
  holdout: { weight: 1 },
  variants: [
    { key: 'a', versionId: uuid(102), weight: 1 },
    { key: 'b', versionId: uuid(200), weight: 1 },
  ],
} as Experiment;
const config = buildWorkspaceConfig(
  'ws',
  [item(1), item(2)],
  [version(101, uuid(1), 'One'), version(102, uuid(2), 'Two'), version(200, uuid(2), 'Two B')],
  [experiment],
  new Map(),
);
const inProgress = (stepId: string): ProgressState => ({
  contentId: uuid(1),
  versionId: uuid(101),
  status: 'in_progress',
  stepId,
  items: [],
  answers: {},
  shownAt: '2025-06-01T00:00:00Z',
  completedAt: null,
  dismissedAt: null,
});

/** The `nth` user id hashed into `arm` of the experiment. */
const userIn = (arm: string, nth = 0): string => {
  for (let i = 0, seen = 0; ; i++) {
    if (assignVariant(experiment, `user-${i}`)?.key === arm && seen++ === nth) return `user-${i}`;
  }
};

const decisionFor = (user: string, progress: Map<string, ProgressState>) =>
  resolveArms(eligibleItems(config, new Map(), progress, now), new Map(), user, `u:${user}`);

describe('sessionAnswer (memoised)', () => {
  it('is byte for byte the unmemoised answer, for every arm, progress and locale', () => {
    const cases = [
      [userIn('a'), new Map(), 'fi-FI'],
      [userIn('b'), new Map(), 'fi-FI'],
      [userIn('control'), new Map(), undefined],
      [userIn('a'), new Map([[uuid(1), inProgress('two')]]), 'en'],
      [userIn('a'), new Map([[uuid(1), inProgress('one')]]), 'en'],
    ] as const;
    const etags = new Set<string>();
    for (const [user, progress, locale] of cases) {
      const decision = decisionFor(user, progress);
      const memoised = sessionAnswer(decision, progress, locale, config);
      const plain = sessionAnswerJson(decision, progress, locale, config);
      expect(memoised.body.toString('utf8')).toBe(plain.json);
      expect(memoised.etag).toBe(plain.etag);
      etags.add(plain.etag);
    }
    // Every case answers something different, so no two may share an etag.
    expect(etags.size).toBe(cases.length);
  });

  it('shares one buffer between users who get the same answer, whatever their ids', () => {
    const progress = new Map([[uuid(1), inProgress('two')]]);
    const first = sessionAnswer(decisionFor(userIn('b'), progress), progress, 'en', config);
    const second = userIn('b', 1);
    // Progress equal in value but another object (as after a reload) still shares the answer.
    const again = new Map([[uuid(1), inProgress('two')]]);
    expect(sessionAnswer(decisionFor(second, again), again, 'en', config).body).toBe(first.body);
    expect(sessionAnswer(decisionFor(userIn('a'), again), again, 'en', config).body).not.toBe(
      first.body,
    );
  });
});

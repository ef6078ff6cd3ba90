import type { ItemFacts } from './eligibility.explainer.js';
import { explainEligibility, explainItem, triggersOverlap } from './eligibility.explainer.js';

const now = new Date('2025-06-04T12:00:00Z');
const V1 = '00000000-0000-4000-8000-0000000000a1';
const facts = (overrides: Partial<ItemFacts> = {}): ItemFacts => ({
  contentId: '00000000-0000-4000-8000-000000000001',
  name: 'Tour',
  kind: 'flow',
  priority: 0,
  status: 'published',
  publishedVersionId: V1,
  triggers: [{ type: 'immediate' }],
  audience: { result: 'match' },
  schedule: null,
  frequency: { type: 'once' },
  progress: null,
  experiment: null,
  ...overrides,
});

describe('explainItem', () => {
  it('passes every check and answers the published version', () => {
    const result = explainItem(facts(), now);
    expect(result.eligible).toBe(true);
    expect(result.versionId).toBe(V1);
    expect(result.reasons.map((r) => [r.check, r.verdict])).toEqual([
      ['status', 'pass'],
      ['audience', 'pass'],
      ['schedule', 'pass'],
      ['frequency', 'pass'],
    ]);
  });

  it('lists every failing check, not only the first', () => {
    const result = explainItem(
      facts({
        status: 'draft',
        publishedVersionId: null,
        audience: { result: 'not_evaluable', detail: 'element conditions' },
        schedule: { timezone: 'UTC', start: '2025-07-01T00:00:00Z' },
        progress: {
          status: 'completed',
          shownAt: '2025-06-01T00:00:00Z',
          completedAt: '2025-06-01T00:01:00Z',
          dismissedAt: null,
        },
      }),
      now,
    );
    expect(result.eligible).toBe(false);
    expect(result.versionId).toBeNull();
    expect(result.reasons.filter((r) => r.verdict === 'fail').map((r) => r.check)).toEqual([
      'status',
      'audience',
      'schedule',
      'frequency',
    ]);
    expect(result.reasons[1]!.message).toBe(
      'not eligible: audience not evaluable (element conditions)',
    );
  });

  it('explains experiment arms: a variant gets its version, the holdout nothing', () => {
    const V2 = '00000000-0000-4000-8000-0000000000a2';
    const experiment = (assignment: NonNullable<ItemFacts['experiment']>['assignment']) =>
      facts({
        experiment: {
          experimentId: '00000000-0000-4000-8000-0000000000e1',
          name: 'Copy test',
          assignment,
        },
      });
    const variant = explainItem(experiment({ arm: 'variant', key: 'b', versionId: V2 }), now);
    expect([variant.eligible, variant.versionId, variant.experiment?.key]).toEqual([true, V2, 'b']);
    const control = explainItem(experiment({ arm: 'control', key: 'control' }), now);
    expect([control.eligible, control.versionId, control.experiment?.arm]).toEqual([
      false,
      null,
      'control',
    ]);
    expect(control.reasons.at(-1)!.message).toContain('holdout (control)');
  });
});

describe('explainEligibility', () => {
  it('warns when a higher-priority blocking item can trigger on the same page', () => {
    const high = facts({
      contentId: '00000000-0000-4000-8000-000000000002',
      name: 'High',
      priority: 10,
      triggers: [{ type: 'url', pattern: '/projects/*' }],
    });
    const low = facts({
      name: 'Low',
      priority: 1,
      triggers: [{ type: 'url', pattern: '/projects/42' }],
    });
    const elsewhere = facts({
      contentId: '00000000-0000-4000-8000-000000000003',
      name: 'Billing',
      priority: 0,
      triggers: [{ type: 'url', pattern: '/billing' }],
    });
    const banner = facts({
      contentId: '00000000-0000-4000-8000-000000000004',
      name: 'Banner',
      kind: 'banner',
    });
    const [h, l, e, b] = explainEligibility([high, low, elsewhere, banner], now);
    expect(h!.reasons.at(-1)).toEqual({
      check: 'priority',
      verdict: 'pass',
      message: 'priority 10: first in line',
    });
    expect(l!.reasons.at(-1)).toMatchObject({ check: 'priority', verdict: 'warn' });
    expect(l!.reasons.at(-1)!.message).toContain('"High" (priority 10)');
    expect(l!.eligible).toBe(true);
    expect(e!.reasons.at(-1)!.verdict).toBe('pass');
    expect(b!.reasons.some((r) => r.check === 'priority')).toBe(false);
  });

  it('treats manual triggers and different events as never competing', () => {
    expect(triggersOverlap([{ type: 'manual' }], [{ type: 'immediate' }])).toBe(false);
    expect(triggersOverlap([{ type: 'event', event: 'A' }], [{ type: 'event', event: 'B' }])).toBe(
      false,
    );
    expect(triggersOverlap([{ type: 'event', event: 'A' }], [{ type: 'event', event: 'A' }])).toBe(
      true,
    );
    expect(triggersOverlap([], [{ type: 'delay', ms: 100 }])).toBe(true);
  });
});

import { RuleSchema, type Rule } from '@waymark/shared';
import {
  draftToComparison,
  formToRule,
  newDraft,
  nodePaths,
  ruleToForm,
  updateNode,
  type ConditionNode,
  type GroupNode,
} from './rule-form';

const nested: Rule = {
  all: [
    { type: 'trait', key: 'plan', op: 'in', value: ['pro', 'team'] },
    {
      any: [
        {
          type: 'event',
          name: 'Invite Sent',
          where: [{ property: 'seats', op: 'gte', value: 3 }],
          count: { op: 'gte', value: 2 },
          window: { days: 7 },
        },
        { not: { type: 'segment', segmentId: 'seg-1', member: true } },
        { type: 'sequence', steps: ['Signed Up', 'Project Created'], within: { days: 3 } },
      ],
    },
    { not: { any: [{ type: 'goal', goalId: 'g1', reached: true }] } },
    { type: 'company_trait', key: 'size', op: 'exists' },
    { type: 'last_seen', op: 'more_than_days_ago', value: 14 },
    { type: 'first_seen', op: 'after', value: '2025-01-01T00:00:00Z' },
    { type: 'survey_answer', contentId: 'c1', questionId: 'nps', op: 'lte', value: 6 },
    { type: 'content', contentId: 'c2', state: 'dismissed' },
    { type: 'journey_stage', journeyId: 'j1', stageId: 'activation' },
    { type: 'trait', key: 'signed_up', op: 'within_last_days', value: 30 },
    { type: 'trait', key: 'beta', op: 'eq', value: true },
    { type: 'page', op: 'matches', value: '/projects/*' },
    { type: 'device', kind: 'mobile', maxWidth: 500 },
    { type: 'locale', op: 'in', value: ['fi', 'sv'] },
    {
      type: 'time_window',
      days: [1, 2, 3, 4, 5],
      startHour: 9,
      endHour: 17,
      timezone: 'Europe/Helsinki',
    },
  ],
};

describe('rule ↔ form', () => {
  it('round-trips a rule using every condition kind, to any depth, exactly', () => {
    const back = formToRule(ruleToForm(nested));
    expect(back).toEqual(nested);
    expect(RuleSchema.safeParse(back).success).toBe(true);
  });

  it('wraps a bare condition in an "all" root and reads undefined as an empty "all"', () => {
    const condition: Rule = { type: 'goal', goalId: 'g', reached: false };
    expect(formToRule(ruleToForm(condition))).toEqual({ all: [condition] });
    expect(formToRule(ruleToForm(undefined))).toEqual({ all: [] });
  });

  it('keeps a double negation', () => {
    const rule: Rule = { not: { not: { type: 'segment', segmentId: 's', member: true } } };
    const back = formToRule(ruleToForm(rule));
    expect(back).toEqual({
      not: { all: [{ not: { type: 'segment', segmentId: 's', member: true } }] },
    });
  });

  it('reads typed text by the chosen kind, lists by commas, and days as numbers', () => {
    expect(draftToComparison({ op: 'gt', kind: 'number', text: ' 5 ' })).toEqual({
      op: 'gt',
      value: 5,
    });
    expect(draftToComparison({ op: 'eq', kind: 'text', text: '5' })).toEqual({
      op: 'eq',
      value: '5',
    });
    expect(draftToComparison({ op: 'in', kind: 'number', text: '1, 2,,3' })).toEqual({
      op: 'in',
      value: [1, 2, 3],
    });
    expect(draftToComparison({ op: 'exists', kind: 'text', text: 'ignored' })).toEqual({
      op: 'exists',
    });
    expect(draftToComparison({ op: 'within_last_days', kind: 'text', text: '14' })).toEqual({
      op: 'within_last_days',
      value: 14,
    });
    // Not a number: kept as text so the schema (and the field) can say so.
    expect(draftToComparison({ op: 'gt', kind: 'number', text: '1x' })).toEqual({
      op: 'gt',
      value: '1x',
    });
  });

  it('leaves the event window out when blank (ever)', () => {
    const root = ruleToForm(undefined);
    const withEvent = {
      ...root,
      children: [
        {
          key: 'e',
          node: 'condition',
          negated: false,
          draft: { ...newDraft('event'), name: 'Login' },
        } as ConditionNode,
      ],
    };
    expect(formToRule(withEvent)).toEqual({
      all: [{ type: 'event', name: 'Login', where: [], count: { op: 'gte', value: 1 } }],
    });
  });

  it('gives every node its path in the rule, through negations, for issues', () => {
    const form = ruleToForm(nested);
    const paths = nodePaths(form);
    const any = form.children[1] as GroupNode;
    expect(paths.get(any.key)).toBe('all.1');
    expect(paths.get(any.children[1]!.key)).toBe('all.1.any.1');
    const notGroup = form.children[2] as GroupNode;
    expect(paths.get(notGroup.children[0]!.key)).toBe('all.2.not.any.0');
    const issues = RuleSchema.safeParse(
      formToRule(
        updateNode(form, any.children[0]!.key, (node) => ({
          ...(node as ConditionNode),
          draft: { ...newDraft('event'), name: '' },
        })),
      ),
    );
    expect(issues.success).toBe(false);
  });

  it('removes and replaces nodes anywhere', () => {
    const form = ruleToForm(nested);
    const any = form.children[1] as GroupNode;
    const removed = updateNode(form, any.children[0]!.key, () => null);
    expect(((formToRule(removed) as { all: Rule[] }).all[1] as { any: Rule[] }).any).toHaveLength(
      2,
    );
  });

  it('makes fresh conditions of every kind that the schema accepts once the ids are filled', () => {
    const filled = {
      content: { contentId: 'c' },
      goal: { goalId: 'g' },
      journey_stage: { journeyId: 'j', stageId: 's' },
      segment: { segmentId: 's' },
      survey_answer: { contentId: 'c' },
      trait: { key: 'plan' },
      company_trait: { key: 'plan' },
      event: { name: 'Login' },
      sequence: { steps: ['A', 'B'] },
    } as Record<string, object>;
    const types = [
      'trait',
      'company_trait',
      'event',
      'sequence',
      'first_seen',
      'last_seen',
      'survey_answer',
      'content',
      'goal',
      'journey_stage',
      'segment',
      'page',
      'device',
      'locale',
      'time_window',
    ] as const;
    for (const type of types) {
      const draft = { ...newDraft(type), ...(filled[type] ?? {}) } as ConditionNode['draft'];
      const rule = formToRule({
        ...ruleToForm(undefined),
        children: [{ key: type, node: 'condition', negated: false, draft }],
      });
      expect([type, RuleSchema.safeParse(rule).success]).toEqual([type, true]);
    }
  });
});

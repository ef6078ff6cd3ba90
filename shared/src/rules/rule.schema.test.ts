import { MAX_RULE_DEPTH, RuleSchema, type Rule } from './rule.schema.js';

describe('RuleSchema', () => {
  it('accepts nested all/any/not with conditions and fills defaults', () => {
    const parsed = RuleSchema.parse({
      all: [
        { type: 'trait', key: 'plan', op: 'eq', value: 'trial' },
        { not: { type: 'event', name: 'Invite Sent', window: { days: 7 } } },
      ],
    });
    expect(parsed).toEqual({
      all: [
        { type: 'trait', key: 'plan', op: 'eq', value: 'trial' },
        {
          not: {
            type: 'event',
            name: 'Invite Sent',
            window: { days: 7 },
            where: [],
            count: { op: 'gte', value: 1 },
          },
        },
      ],
    });
  });

  it('refuses unknown condition types and mixed group keys', () => {
    expect(RuleSchema.safeParse({ all: [{ type: 'astrology' }] }).success).toBe(false);
    expect(RuleSchema.safeParse({ all: [], any: [] }).success).toBe(false);
  });

  it(`refuses rules nested deeper than ${MAX_RULE_DEPTH}`, () => {
    let rule: Rule = { type: 'trait', key: 'a', op: 'exists' };
    for (let i = 1; i < MAX_RULE_DEPTH; i++) rule = { not: rule };
    expect(RuleSchema.safeParse(rule).success).toBe(true);
    expect(RuleSchema.safeParse({ not: rule }).success).toBe(false);
  });
});

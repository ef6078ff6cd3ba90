import type { Rule } from '@waymark/shared';
import { summarizeRule, surveysIn } from './rule-summary';

const names = {
  segment: (id: string) => ({ s1: 'Power users' })[id],
  goal: (id: string) => ({ g1: 'Integration connected' })[id],
  journey: (id: string) => ({ j1: 'Onboarding' })[id],
  stage: (_j: string, s: string) => ({ act: 'Activated' })[s],
  content: (id: string) => ({ c1: 'NPS survey', c2: 'Welcome tour' })[id],
};

describe('summarizeRule', () => {
  it('says everyone for no rule or an empty "all", no one for an empty "any"', () => {
    expect(summarizeRule(undefined)).toBe('Everyone.');
    expect(summarizeRule({ all: [] })).toBe('Everyone.');
    expect(summarizeRule({ any: [] })).toBe('No one.');
  });

  it('reads nested all / any / not with parentheses', () => {
    const rule: Rule = {
      all: [
        {
          type: 'event',
          name: 'Invite Sent',
          count: { op: 'gte', value: 2 },
          window: { days: 7 },
          where: [],
        },
        {
          any: [
            { type: 'trait', key: 'plan', op: 'eq', value: 'pro' },
            { not: { type: 'segment', segmentId: 's1', member: true } },
          ],
        },
      ],
    };
    expect(summarizeRule(rule, names)).toBe(
      'Users who did “Invite Sent” at least twice in the last 7 days and (have plan equal to “pro” or are not in “Power users”).',
    );
  });

  it('names referenced goals, stages, content and unknown ids', () => {
    expect(summarizeRule({ type: 'goal', goalId: 'g1', reached: false }, names)).toBe(
      'Users who have not reached “Integration connected”.',
    );
    expect(summarizeRule({ type: 'journey_stage', journeyId: 'j1', stageId: 'act' }, names)).toBe(
      'Users who are at stage “Activated” of “Onboarding”.',
    );
    expect(
      summarizeRule(
        { type: 'survey_answer', contentId: 'c1', questionId: 'q', op: 'lte', value: 6 },
        names,
      ),
    ).toBe('Users who answered “NPS survey” (question q) with at most 6.');
    // With the survey's questions loaded, the prompt replaces the id.
    const prompts = {
      ...names,
      question: (c: string, q: string) => (c === 'c1' && q === 'q' ? 'How likely…?' : undefined),
    };
    expect(
      summarizeRule(
        { type: 'survey_answer', contentId: 'c1', questionId: 'q', op: 'lte', value: 6 },
        prompts,
      ),
    ).toBe('Users who answered “NPS survey” (“How likely…?”) with at most 6.');
    expect(summarizeRule({ type: 'content', contentId: 'zz', state: 'completed' }, names)).toBe(
      'Users who completed an unknown content item.',
    );
  });

  it('lists the surveys a rule names, at any depth, once each', () => {
    const answer = (contentId: string) =>
      ({ type: 'survey_answer', contentId, questionId: 'q', op: 'lte', value: 6 }) as const;
    expect(
      surveysIn({ all: [answer('s1'), { not: { any: [answer('s2'), answer('s1')] } }] }),
    ).toEqual(['s1', 's2']);
    expect(surveysIn({ type: 'goal', goalId: 'g1', reached: true })).toEqual([]);
    expect(surveysIn(undefined)).toEqual([]);
  });

  it('words negations naturally where it can', () => {
    expect(summarizeRule({ not: { type: 'trait', key: 'plan', op: 'eq', value: 'pro' } })).toBe(
      'Users who do not have plan equal to “pro”.',
    );
    expect(
      summarizeRule({
        not: { type: 'event', name: 'Login', where: [], count: { op: 'gte', value: 1 } },
      }),
    ).toBe('Users who did not do “Login”.');
    expect(
      summarizeRule({
        not: {
          any: [
            { type: 'page', op: 'eq', value: '/a' },
            { type: 'page', op: 'eq', value: '/b' },
          ],
        },
      }),
    ).toBe('Users who not (are on the page “/a” or are on the page “/b”).');
  });

  it('describes counts, property filters, sequences and time conditions', () => {
    expect(
      summarizeRule({
        type: 'event',
        name: 'Export',
        where: [{ property: 'format', op: 'in', value: ['csv', 'xlsx'] }],
        count: { op: 'eq', value: 0 },
      }),
    ).toBe('Users who never did “Export” with format one of “csv”, “xlsx”.');
    expect(summarizeRule({ type: 'sequence', steps: ['A', 'B', 'C'], within: { days: 1 } })).toBe(
      'Users who did “A” then “B” then “C” within 1 day.',
    );
    expect(summarizeRule({ type: 'last_seen', op: 'more_than_days_ago', value: 14 })).toBe(
      'Users who were last seen more than 14 days ago.',
    );
    expect(
      summarizeRule({
        type: 'time_window',
        days: [1, 5],
        startHour: 9,
        endHour: 17,
        timezone: 'Europe/Helsinki',
      }),
    ).toBe('Users who visit on Mon, Fri between 9:00 and 17:00 (Europe/Helsinki).');
  });
});

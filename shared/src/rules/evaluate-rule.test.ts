import { readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluateRule, type UserSnapshot } from './evaluate-rule.js';
import { RuleCaseTableSchema, type RuleCaseUser } from './rule-cases.schema.js';
import { parseIsoTimestamp } from './rule-values.js';

const table = RuleCaseTableSchema.parse(
  JSON.parse(readFileSync(path.join(__dirname, 'rule-cases.json'), 'utf8')),
);

const snapshotOf = (user: RuleCaseUser): UserSnapshot => ({
  traits: user.traits,
  companies: user.companies,
  events: user.events,
  goals: user.goals,
  journeyStages: user.journeyStages,
  segments: user.segments,
  ...(user.context ? { context: user.context } : {}),
});

describe('evaluateRule against rule-cases.json', () => {
  const now = new Date(table.now);
  it.each(table.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const matched = Object.entries(table.users)
      .filter(([, user]) => evaluateRule(c.rule, snapshotOf(user), now))
      .map(([name]) => name);
    expect(matched.sort()).toEqual([...c.matches].sort());
  });
});

describe('parseIsoTimestamp', () => {
  it('reads dates as UTC midnight and honours offsets', () => {
    expect(parseIsoTimestamp('2025-01-31')).toBe(Date.UTC(2025, 0, 31));
    expect(parseIsoTimestamp('2025-01-31T10:00:00+02:00')).toBe(Date.UTC(2025, 0, 31, 8));
    expect(parseIsoTimestamp('2025-01-31T10:00:00.123456Z')).toBe(
      Date.UTC(2025, 0, 31, 10, 0, 0, 123),
    );
  });

  it('refuses impossible dates, local times without an offset and other text', () => {
    expect(parseIsoTimestamp('2025-02-29')).toBeNull();
    expect(parseIsoTimestamp('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(parseIsoTimestamp('2025-01-31T10:00:00')).toBeNull();
    expect(parseIsoTimestamp('2025-01-31T24:00:00Z')).toBeNull();
    expect(parseIsoTimestamp('yesterday')).toBeNull();
  });
});

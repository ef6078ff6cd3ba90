/// <reference types="node" />
import type { RuleCaseTable, Rule } from '@waymark/shared';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluatePageRule, type PageRuleContext } from './rule.evaluator';

const table = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../../shared/src/rules/rule-cases.json'), 'utf8'),
) as RuleCaseTable;

const NOW = Date.parse('2025-06-15T12:00:00Z');
const page = (overrides: Partial<PageRuleContext> = {}): PageRuleContext => ({
  now: NOW,
  url: 'https://app.example.com/projects/7',
  locale: 'en-US',
  viewport: { width: 1280, height: 800 },
  ...overrides,
});

describe('evaluatePageRule on the shared rule case table', () => {
  const clientCases = table.cases.filter((c) => c.clientOnly);

  it('has client-only cases to run', () => {
    expect(clientCases.length).toBeGreaterThan(5);
  });

  it.each(clientCases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    for (const [name, user] of Object.entries(table.users)) {
      const value = evaluatePageRule(c.rule, { now: Date.parse(table.now), ...user.context });
      // Never contradicts the table; unknown only where a server-side condition is mixed in.
      if (value !== undefined) expect([name, value]).toEqual([name, c.matches.includes(name)]);
      else expect(JSON.stringify(c.rule)).toMatch(/"type":"(trait|event|segment|goal)"/);
    }
  });
});

describe('evaluatePageRule', () => {
  const onProjects: Rule = { type: 'page', op: 'matches', value: '/projects/*' };
  const isPro: Rule = { type: 'trait', key: 'plan', op: 'eq', value: 'pro' };
  const wide: Rule = { type: 'device', minWidth: 1024 };

  it('decides page, device and locale conditions', () => {
    expect(evaluatePageRule(onProjects, page())).toBe(true);
    expect(evaluatePageRule(onProjects, page({ url: 'https://app.example.com/' }))).toBe(false);
    expect(evaluatePageRule(wide, page({ viewport: { width: 360, height: 640 } }))).toBe(false);
    expect(evaluatePageRule({ type: 'locale', op: 'starts_with', value: 'en' }, page())).toBe(true);
  });

  it('asks the element probe for element conditions', () => {
    const rule: Rule = {
      type: 'element',
      target: { attributes: {}, selector: '#x' },
      state: 'visible',
    };
    expect(evaluatePageRule(rule, page({ element: (_t, state) => state === 'visible' }))).toBe(
      true,
    );
    expect(evaluatePageRule(rule, page())).toBe(false);
  });

  it('reads a time window in its time zone', () => {
    const rule: Rule = { type: 'time_window', startHour: 9, endHour: 17, timezone: 'Asia/Tokyo' };
    // 12:00 UTC is 21:00 in Tokyo.
    expect(evaluatePageRule(rule, page())).toBe(false);
    expect(evaluatePageRule({ ...rule, timezone: 'Europe/London' }, page())).toBe(true);
  });

  it('leaves server-only conditions unknown, with three-valued groups', () => {
    expect(evaluatePageRule(isPro, page())).toBeUndefined();
    expect(evaluatePageRule({ all: [onProjects, isPro] }, page())).toBeUndefined();
    expect(
      evaluatePageRule({ all: [wide, isPro] }, page({ viewport: { width: 1, height: 1 } })),
    ).toBe(false);
    expect(evaluatePageRule({ any: [onProjects, isPro] }, page())).toBe(true);
    expect(evaluatePageRule({ not: isPro }, page())).toBeUndefined();
    expect(evaluatePageRule({ not: onProjects }, page())).toBe(false);
  });

  it('proves event conditions from events seen on the page', () => {
    const created: Rule = {
      type: 'event',
      name: 'Project Created',
      where: [{ property: 'template', op: 'eq', value: 'kanban' }],
      count: { op: 'gte', value: 2 },
    };
    const event = (template: string, ts = NOW) => ({
      name: 'Project Created',
      properties: { template },
      ts,
    });
    expect(evaluatePageRule(created, page({ events: [event('kanban')] }))).toBeUndefined();
    expect(
      evaluatePageRule(created, page({ events: [event('kanban'), event('list')] })),
    ).toBeUndefined();
    expect(evaluatePageRule(created, page({ events: [event('kanban'), event('kanban')] }))).toBe(
      true,
    );
    const atMostOne: Rule = { ...created, count: { op: 'lte', value: 1 } };
    expect(evaluatePageRule(atMostOne, page({ events: [event('kanban'), event('kanban')] }))).toBe(
      false,
    );
    const lastWeek: Rule = { ...created, count: { op: 'gte', value: 1 }, window: { days: 7 } };
    const old = event('kanban', NOW - 30 * 86_400_000);
    expect(evaluatePageRule(lastWeek, page({ events: [old] }))).toBeUndefined();
  });

  it('proves content conditions from what happened on the page', () => {
    const states = new Map([['tour', 'completed' as const]]);
    const ctx = page({ contentState: (id) => states.get(id) });
    expect(evaluatePageRule({ type: 'content', contentId: 'tour', state: 'completed' }, ctx)).toBe(
      true,
    );
    expect(evaluatePageRule({ type: 'content', contentId: 'tour', state: 'seen' }, ctx)).toBe(true);
    expect(evaluatePageRule({ type: 'content', contentId: 'tour', state: 'not_seen' }, ctx)).toBe(
      false,
    );
    expect(
      evaluatePageRule({ type: 'content', contentId: 'other', state: 'completed' }, ctx),
    ).toBeUndefined();
  });
});

import type { ComparisonOp, Condition, Rule } from '@waymark/shared';

/** Names for the ids a rule refers to; an unknown id is shown as "an unknown …". */
export interface RuleNames {
  segment?: (id: string) => string | undefined;
  goal?: (id: string) => string | undefined;
  journey?: (id: string) => string | undefined;
  stage?: (journeyId: string, stageId: string) => string | undefined;
  content?: (id: string) => string | undefined;
  /** A survey question's prompt. */
  question?: (contentId: string, questionId: string) => string | undefined;
}

const quote = (value: unknown): string =>
  typeof value === 'string' ? `“${value}”` : JSON.stringify(value);

const list = (value: unknown): string =>
  (Array.isArray(value) ? value : [value]).map(quote).join(', ');

const days = (n: unknown): string => (n === 1 ? '1 day' : `${String(n)} days`);

const COMPARISON: Record<ComparisonOp, (v: unknown) => string> = {
  eq: (v) => `equal to ${quote(v)}`,
  neq: (v) => `not equal to ${quote(v)}`,
  contains: (v) => `containing ${quote(v)}`,
  not_contains: (v) => `not containing ${quote(v)}`,
  starts_with: (v) => `starting with ${quote(v)}`,
  ends_with: (v) => `ending with ${quote(v)}`,
  gt: (v) => `more than ${String(v)}`,
  gte: (v) => `at least ${String(v)}`,
  lt: (v) => `less than ${String(v)}`,
  lte: (v) => `at most ${String(v)}`,
  in: (v) => `one of ${list(v)}`,
  not_in: (v) => `none of ${list(v)}`,
  exists: () => 'set',
  not_exists: () => 'not set',
  before: (v) => `before ${String(v)}`,
  after: (v) => `after ${String(v)}`,
  within_last_days: (v) => `within the last ${days(v)}`,
  more_than_days_ago: (v) => `more than ${days(v)} ago`,
};

/** "at least 5", "one of “a”, “b”": reads after "have plan …". */
export const describeComparison = (op: ComparisonOp, value: unknown): string =>
  COMPARISON[op](value);

const TIME: Record<string, (v: unknown) => string> = {
  before: (v) => `before ${String(v)}`,
  after: (v) => `after ${String(v)}`,
  within_last_days: (v) => `within the last ${days(v)}`,
  more_than_days_ago: (v) => `more than ${days(v)} ago`,
};

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const named = (name: string | undefined, what: string): string =>
  name ? quote(name) : `an unknown ${what}`;

function times(op: 'gte' | 'lte' | 'eq', n: number): string {
  const count = n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
  if (op === 'gte') return n === 1 ? '' : ` at least ${count}`;
  if (op === 'lte') return ` at most ${count}`;
  return ` exactly ${count}`;
}

/** One condition in plain words, without a subject: "did “Invite Sent” at least twice". */
export function describeCondition(c: Condition, names: RuleNames = {}): string {
  switch (c.type) {
    case 'trait':
      return `have ${c.key || '(trait)'} ${describeComparison(c.op, c.value)}`;
    case 'company_trait':
      return `have company ${c.key || '(trait)'} ${describeComparison(c.op, c.value)}`;
    case 'event': {
      const count = c.count ?? { op: 'gte', value: 1 };
      const name = quote(c.name || '(event)');
      const where = (c.where ?? []).length
        ? ` with ${(c.where ?? []).map((f) => `${f.property} ${describeComparison(f.op, f.value)}`).join(' and ')}`
        : '';
      const window = c.window ? ` in the last ${days(c.window.days)}` : '';
      if (count.op === 'eq' && count.value === 0) return `never did ${name}${where}${window}`;
      return `did ${name}${where}${times(count.op, count.value)}${window}`;
    }
    case 'sequence':
      return `did ${c.steps.map((s) => quote(s || '(event)')).join(' then ')} within ${days(c.within.days)}`;
    case 'first_seen':
      return `were first seen ${TIME[c.op]!(c.value)}`;
    case 'last_seen':
      return `were last seen ${TIME[c.op]!(c.value)}`;
    case 'survey_answer': {
      const survey = named(names.content?.(c.contentId), 'survey');
      const prompt = c.questionId ? names.question?.(c.contentId, c.questionId) : undefined;
      const question = !c.questionId
        ? ''
        : prompt
          ? ` (${quote(prompt)})`
          : ` (question ${c.questionId})`;
      return `answered ${survey}${question} with ${describeComparison(c.op, c.value)}`;
    }
    case 'content': {
      const item = named(names.content?.(c.contentId), 'content item');
      const verb = { seen: 'have seen', completed: 'completed', dismissed: 'dismissed' } as const;
      return c.state === 'not_seen' ? `have not seen ${item}` : `${verb[c.state]} ${item}`;
    }
    case 'goal': {
      const goal = named(names.goal?.(c.goalId), 'goal');
      return c.reached === false ? `have not reached ${goal}` : `reached ${goal}`;
    }
    case 'journey_stage': {
      const stage = named(names.stage?.(c.journeyId, c.stageId), 'stage');
      return `are at stage ${stage} of ${named(names.journey?.(c.journeyId), 'journey')}`;
    }
    case 'segment': {
      const segment = named(names.segment?.(c.segmentId), 'segment');
      return c.member === false ? `are not in ${segment}` : `are in ${segment}`;
    }
    case 'page': {
      const how = {
        eq: 'are on the page',
        contains: 'are on a page containing',
        starts_with: 'are on a page starting with',
        matches: 'are on a page matching',
      } as const;
      return `${how[c.op]} ${quote(c.value)}`;
    }
    case 'element': {
      const what = c.target?.selector ? quote(c.target.selector) : 'the picked element';
      return c.state === 'absent' ? `have no ${what} on the page` : `see ${what} (${c.state})`;
    }
    case 'device': {
      const parts = [c.kind ? `use a ${c.kind}` : 'use any device'];
      if (c.minWidth !== undefined) parts.push(`at least ${c.minWidth} px wide`);
      if (c.maxWidth !== undefined) parts.push(`at most ${c.maxWidth} px wide`);
      return parts.join(', ');
    }
    case 'locale': {
      const how = { eq: 'equal to', in: 'one of', starts_with: 'starting with' } as const;
      return `have a locale ${how[c.op]} ${list(c.value)}`;
    }
    case 'time_window': {
      const dayText = c.days?.length ? c.days.map((d) => WEEKDAYS[d]).join(', ') : 'any day';
      return `visit on ${dayText} between ${c.startHour}:00 and ${c.endHour}:00 (${c.timezone})`;
    }
  }
}

/** "are not in …", "did not do …"; otherwise "not (…)". */
function negate(rule: Rule, names: RuleNames): string {
  const only = 'all' in rule ? rule.all : 'any' in rule ? rule.any : null;
  if (only?.length === 1) return negate(only[0]!, names);
  if (!('all' in rule || 'any' in rule || 'not' in rule)) {
    const c = rule;
    if (c.type === 'segment') return describeCondition({ ...c, member: c.member === false }, names);
    if (c.type === 'goal') return describeCondition({ ...c, reached: c.reached === false }, names);
    if (c.type === 'content' && (c.state === 'seen' || c.state === 'not_seen')) {
      return describeCondition({ ...c, state: c.state === 'seen' ? 'not_seen' : 'seen' }, names);
    }
    const text = describeCondition(c, names);
    if (text.startsWith('have ')) return `do not ${text}`;
    if (text.startsWith('did ')) return `did not do${text.slice(3)}`;
  }
  if ('not' in rule) return describe(rule.not, names, true);
  const inner = describe(rule, names, true);
  return `not ${inner.startsWith('(') ? inner : `(${inner})`}`;
}

function describe(rule: Rule, names: RuleNames, nested: boolean): string {
  if ('all' in rule || 'any' in rule) {
    const parts = 'all' in rule ? rule.all : rule.any;
    if (parts.length === 0) return 'all' in rule ? 'anyone' : 'no one';
    if (parts.length === 1) return describe(parts[0]!, names, nested);
    const text = parts.map((p) => describe(p, names, true)).join('all' in rule ? ' and ' : ' or ');
    return nested ? `(${text})` : text;
  }
  if ('not' in rule) return negate(rule.not, names);
  return describeCondition(rule, names);
}

/** The whole rule as one sentence: "Users who did “Invite Sent” and (plan is “pro” or …)". */
export function summarizeRule(rule: Rule | undefined, names: RuleNames = {}): string {
  if (!rule) return 'Everyone.';
  const text = describe(rule, names, false);
  if (text === 'anyone') return 'Everyone.';
  if (text === 'no one') return 'No one.';
  return `Users who ${text}.`;
}

/** The surveys a rule's survey-answer conditions name, once each. */
export function surveysIn(rule: Rule | undefined): string[] {
  const found = new Set<string>();
  const walk = (node: Rule): void => {
    if ('all' in node) node.all.forEach(walk);
    else if ('any' in node) node.any.forEach(walk);
    else if ('not' in node) walk(node.not);
    else if (node.type === 'survey_answer' && node.contentId) found.add(node.contentId);
  };
  if (rule) walk(rule);
  return [...found];
}

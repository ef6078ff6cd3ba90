import { CLIENT_CONDITION_TYPES } from './client-conditions.js';
import { CONTENT_STATE_EVENTS, SURVEY_ANSWER_EVENT } from './evaluate-rule.js';
import type { Condition, Rule } from './rule.schema.js';

/** What a rule reads: loaders fetch only this, and a change elsewhere cannot change its answer. */
export interface RuleDeps {
  /** Names of events whose arrival can change the answer. */
  eventNames: Set<string>;
  /** first_seen/last_seen: any event can change the answer. */
  anyEvent: boolean;
  traits: boolean;
  companies: boolean;
  goals: Set<string>;
  journeys: Set<string>;
  segments: Set<string>;
  /** The answer changes with the clock alone (windows, "within the last N days"). */
  timeBased: boolean;
  /** Holds page-only conditions; the server cannot compile it to SQL. */
  clientOnly: boolean;
}

export const emptyDeps = (): RuleDeps => ({
  eventNames: new Set(),
  anyEvent: false,
  traits: false,
  companies: false,
  goals: new Set(),
  journeys: new Set(),
  segments: new Set(),
  timeBased: false,
  clientOnly: false,
});

const relative = (op: string): boolean => op === 'within_last_days' || op === 'more_than_days_ago';

function addCondition(c: Condition, d: RuleDeps): void {
  if (CLIENT_CONDITION_TYPES.has(c.type)) {
    d.clientOnly = true;
    if (c.type === 'time_window') d.timeBased = true;
    return;
  }
  switch (c.type) {
    case 'trait':
      d.traits = true;
      d.timeBased ||= relative(c.op);
      return;
    case 'company_trait':
      d.companies = true;
      d.timeBased ||= relative(c.op);
      return;
    case 'event':
      d.eventNames.add(c.name);
      d.timeBased ||= c.window !== undefined || c.where.some((f) => relative(f.op));
      return;
    case 'sequence':
      c.steps.forEach((s) => d.eventNames.add(s));
      return;
    case 'first_seen':
    case 'last_seen':
      d.anyEvent = true;
      d.timeBased ||= relative(c.op);
      return;
    case 'survey_answer':
      d.eventNames.add(SURVEY_ANSWER_EVENT);
      d.timeBased ||= relative(c.op);
      return;
    case 'content':
      d.eventNames.add(CONTENT_STATE_EVENTS[c.state === 'not_seen' ? 'seen' : c.state]);
      return;
    case 'goal':
      d.goals.add(c.goalId);
      return;
    case 'journey_stage':
      d.journeys.add(c.journeyId);
      return;
    case 'segment':
      d.segments.add(c.segmentId);
      return;
    default:
      return;
  }
}

/** Collects the dependencies of a rule into `into` (a fresh set by default). */
export function ruleDeps(rule: Rule, into: RuleDeps = emptyDeps()): RuleDeps {
  if ('all' in rule) rule.all.forEach((r) => ruleDeps(r, into));
  else if ('any' in rule) rule.any.forEach((r) => ruleDeps(r, into));
  else if ('not' in rule) ruleDeps(rule.not, into);
  else addCondition(rule, into);
  return into;
}

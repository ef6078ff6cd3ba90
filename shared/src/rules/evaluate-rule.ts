import type { ElementTarget } from '../content/target.schema.js';
import type { Condition, Rule } from './rule.schema.js';
import { compareInstant, compareValue, scalarEquals, type JsonLike } from './rule-values.js';
import { matchesClientCondition } from './client-conditions.js';

/** One event of a user, as the evaluator sees it. */
export interface SnapshotEvent {
  name: string;
  /** ISO 8601 with offset, or ms since the epoch. */
  ts: string | number;
  properties: Record<string, JsonLike>;
  messageId: string;
}

/** What the page around the widget looks like; only client-side conditions read it. */
export interface ClientContext {
  url?: string | undefined;
  locale?: string | undefined;
  viewport?: { width: number; height: number } | undefined;
  /** Overrides the kind derived from the viewport width. */
  device?: 'mobile' | 'tablet' | 'desktop' | undefined;
  /** Answers `element` conditions; without it they are false. */
  element?: (target: ElementTarget, state: 'present' | 'visible' | 'absent') => boolean;
}

/**
 * Everything the in-memory evaluator may read about one user. Loaders fill only what a rule
 * needs; `firstSeen`/`lastSeen` (ms), when given, stand for min/max over all of the user's events.
 */
export interface UserSnapshot {
  traits: Record<string, JsonLike>;
  /** Traits of each company (group) the user belongs to. */
  companies: Array<Record<string, JsonLike>>;
  events: SnapshotEvent[];
  firstSeen?: number | null;
  lastSeen?: number | null;
  /** Ids of goals the user has reached. */
  goals: string[];
  /** journeyId → current stage id. */
  journeyStages: Record<string, string>;
  /** Ids of segments the user is currently a member of. */
  segments: string[];
  context?: ClientContext;
}

export const SURVEY_ANSWER_EVENT = '$survey_answered';
export const CONTENT_STATE_EVENTS = {
  seen: '$content_shown',
  completed: '$content_completed',
  dismissed: '$content_dismissed',
} as const;

const DAY_MS = 86_400_000;
const tsOf = (e: SnapshotEvent): number => (typeof e.ts === 'number' ? e.ts : Date.parse(e.ts));

/** Events sorted by time, then messageId (the same order SQL uses with COLLATE "C"). */
function sorted(events: SnapshotEvent[]): SnapshotEvent[] {
  return [...events].sort(
    (a, b) =>
      tsOf(a) - tsOf(b) || (a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0),
  );
}

function eventCondition(c: Extract<Condition, { type: 'event' }>, s: UserSnapshot, now: number) {
  const from = c.window ? now - c.window.days * DAY_MS : -Infinity;
  let count = 0;
  for (const e of s.events) {
    if (e.name !== c.name || tsOf(e) < from) continue;
    if (c.where.every((f) => compareValue(e.properties[f.property], f, now))) count++;
  }
  const want = c.count.value;
  return c.count.op === 'gte'
    ? count >= want
    : c.count.op === 'lte'
      ? count <= want
      : count === want;
}

function sequenceCondition(c: Extract<Condition, { type: 'sequence' }>, s: UserSnapshot): boolean {
  const times = (name: string) =>
    s.events
      .filter((e) => e.name === name)
      .map(tsOf)
      .sort((a, b) => a - b);
  const [first, ...rest] = c.steps;
  const restTimes = rest.map(times);
  const span = c.within.days * DAY_MS;
  // For each start, the earliest chain is the tightest one: greedy is exact.
  return times(first!).some((start) => {
    let t = start;
    for (const list of restTimes) {
      const next = list.find((x) => x > t);
      if (next === undefined) return false;
      t = next;
    }
    return t - start <= span;
  });
}

function seen(s: UserSnapshot, which: 'min' | 'max'): number | null {
  const given = which === 'min' ? s.firstSeen : s.lastSeen;
  if (given !== undefined) return given;
  if (s.events.length === 0) return null;
  const all = s.events.map(tsOf);
  return which === 'min' ? Math.min(...all) : Math.max(...all);
}

function surveyCondition(
  c: Extract<Condition, { type: 'survey_answer' }>,
  s: UserSnapshot,
  now: number,
) {
  const answers = sorted(s.events).filter(
    (e) =>
      e.name === SURVEY_ANSWER_EVENT &&
      scalarEquals(e.properties.contentId, c.contentId) &&
      (c.questionId === undefined || scalarEquals(e.properties.questionId, c.questionId)),
  );
  const latest = answers.at(-1);
  return latest ? compareValue(latest.properties.value, c, now) : false;
}

const hasContentEvent = (s: UserSnapshot, name: string, contentId: string): boolean =>
  s.events.some((e) => e.name === name && scalarEquals(e.properties.contentId, contentId));

function condition(c: Condition, s: UserSnapshot, now: number): boolean {
  switch (c.type) {
    case 'trait':
      return compareValue(s.traits[c.key], c, now);
    case 'company_trait':
      return s.companies.some((company) => compareValue(company[c.key], c, now));
    case 'event':
      return eventCondition(c, s, now);
    case 'sequence':
      return sequenceCondition(c, s);
    case 'first_seen':
      return compareInstant(seen(s, 'min'), c.op, c.value, now);
    case 'last_seen':
      return compareInstant(seen(s, 'max'), c.op, c.value, now);
    case 'survey_answer':
      return surveyCondition(c, s, now);
    case 'content':
      return c.state === 'not_seen'
        ? !hasContentEvent(s, CONTENT_STATE_EVENTS.seen, c.contentId)
        : hasContentEvent(s, CONTENT_STATE_EVENTS[c.state], c.contentId);
    case 'goal':
      return s.goals.includes(c.goalId) === c.reached;
    case 'journey_stage':
      return s.journeyStages[c.journeyId] === c.stageId;
    case 'segment':
      return s.segments.includes(c.segmentId) === c.member;
    case 'page':
    case 'element':
    case 'device':
    case 'locale':
    case 'time_window':
      return matchesClientCondition(c, s.context ?? {}, now);
    default: {
      const unreachable: never = c;
      return unreachable;
    }
  }
}

/**
 * Evaluates a rule for one user at `now`. Pure: everything it reads is in the snapshot.
 * `{all: []}` is true and `{any: []}` is false, as in logic.
 */
export function evaluateRule(rule: Rule, snapshot: UserSnapshot, now: Date | number): boolean {
  const at = typeof now === 'number' ? now : now.getTime();
  if ('all' in rule) return rule.all.every((r) => evaluateRule(r, snapshot, at));
  if ('any' in rule) return rule.any.some((r) => evaluateRule(r, snapshot, at));
  if ('not' in rule) return !evaluateRule(rule.not, snapshot, at);
  return condition(rule, snapshot, at);
}

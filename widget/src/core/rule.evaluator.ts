import {
  CLIENT_CONDITION_TYPES,
  compareValue,
  matchesClientCondition,
  type ClientCondition,
  type ClientContext,
  type Condition,
  type Rule,
} from '@waymark/shared';
import type { SeenEvent } from './surface.port';

/** What the page knows: the client context plus what happened in this page's life. */
export interface PageRuleContext extends ClientContext {
  /** ms since the epoch. */
  now: number;
  /** Events tracked on this page, oldest first. */
  events?: readonly SeenEvent[];
  /** What this user did with content on this page. */
  contentState?(contentId: string): 'completed' | 'dismissed' | 'seen' | undefined;
}

const DAY_MS = 86_400_000;

/**
 * Evaluates a rule as far as the page can: `true`, `false`, or `undefined` when it depends on
 * what only the server knows. Page, element, device, locale and time-window conditions are
 * decided here with shared's `matchesClientCondition` (the server's semantics exactly). Events
 * tracked on this page and content finished on it can prove an `event` or `content` condition
 * true (a count above an `lte`/`eq` bound proves it false); otherwise they stay unknown.
 * Groups use three-valued logic: `all` is false if any part is false, `any` true if any is true,
 * and unknown parts make the rest unknown. Pure.
 */
export function evaluatePageRule(rule: Rule, ctx: PageRuleContext): boolean | undefined {
  if ('not' in rule) {
    const inner = evaluatePageRule(rule.not, ctx);
    return inner === undefined ? undefined : !inner;
  }
  if ('all' in rule || 'any' in rule) {
    const all = 'all' in rule;
    let unknown = false;
    for (const part of all ? rule.all : rule.any) {
      const value = evaluatePageRule(part, ctx);
      if (value === !all) return value;
      if (value === undefined) unknown = true;
    }
    return unknown ? undefined : all;
  }
  return condition(rule, ctx);
}

function condition(c: Condition, ctx: PageRuleContext): boolean | undefined {
  if (CLIENT_CONDITION_TYPES.has(c.type)) {
    return matchesClientCondition(c as ClientCondition, ctx, ctx.now);
  }
  if (c.type === 'event' && ctx.events) {
    const from = c.window ? ctx.now - c.window.days * DAY_MS : -Infinity;
    const count = ctx.events.filter(
      (e) =>
        e.name === c.name &&
        e.ts >= from &&
        c.where.every((f) => compareValue(e.properties[f.property], f, ctx.now)),
    ).length;
    // The page saw a lower bound of the user's count.
    if (c.count.op === 'gte') return count >= c.count.value || undefined;
    return count > c.count.value ? false : undefined;
  }
  if (c.type === 'content' && ctx.contentState) {
    const state = ctx.contentState(c.contentId);
    if (c.state === 'not_seen') return state ? false : undefined;
    const reached = state === c.state || (c.state === 'seen' && state !== undefined);
    return reached || undefined;
  }
  return undefined;
}

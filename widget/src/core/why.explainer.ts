import type { EligibleContent } from '@waymark/shared';
import type { WhyReport } from '../public.types';
import { channelOf, type SchedulerState } from './content.scheduler';
import { matchUrlPattern } from './trigger.matcher';

export interface WhyInput {
  url: string;
  items: readonly EligibleContent[];
  /** Content on screen → its channel. */
  active: ReadonlyMap<string, string>;
  done: ReadonlySet<string>;
  blocked: ReadonlySet<string>;
  /** Content waiting for its delay on this page. */
  delays: ReadonlySet<string>;
  /** False until the first session answer arrived. */
  loaded: boolean;
}

/** The scheduler's state as `explain` reads it. Pure. */
export function whyInput(state: SchedulerState, loaded: boolean): WhyInput {
  const { url, done, blocked, timers, fired } = state;
  return {
    url,
    items: state.items.filter((c): c is EligibleContent => !c.holdout),
    active: new Map([...state.active].map(([channel, { item }]) => [item.id, channel])),
    done,
    blocked,
    delays: new Set([...timers.keys()].filter((id) => !fired.has(id))),
    loaded,
  };
}

/**
 * Explains why a content item is or is not on screen, from what the widget knows: the session
 * answer, triggers, the current URL and what happened on this page. Pure. (Audience, schedule
 * and frequency are decided by the server: content it did not offer is "not offered".)
 */
export function explain(contentId: string, state: WhyInput | undefined): WhyReport {
  const report = (status: WhyReport['status'], ...reasons: string[]): WhyReport => ({
    contentId,
    status,
    reasons,
  });
  if (!state?.loaded)
    return report('unknown', 'Not initialised, or the session has not answered yet.');
  const item = state.items.find((candidate) => candidate.id === contentId);
  if (!item) {
    return report(
      'blocked',
      'Not offered by the server for this user: not published, outside its audience or schedule, or already seen as often as its frequency allows.',
    );
  }
  const channel = state.active.get(contentId);
  if (channel) return report('showing', `Showing now (surface "${channel}").`);
  if (state.done.has(contentId)) {
    return report('blocked', 'Completed or dismissed on this page; the next page load asks again.');
  }
  if (state.blocked.has(contentId)) {
    return report(
      'blocked',
      'Its target element was not found on this page (a target_missing event was sent); it is tried again after the next route change.',
    );
  }
  const patterns = item.triggers.flatMap((t) => (t.type === 'url' ? [t.pattern] : []));
  if (patterns.length > 0 && !patterns.some((p) => matchUrlPattern(p, state.url))) {
    return report(
      'waiting',
      `The URL ${state.url} matches none of its URL triggers: ${patterns.join(', ')}.`,
    );
  }
  const reasons = item.triggers.flatMap((t) =>
    t.type === 'event'
      ? [`Waits for the event "${t.event}".`]
      : t.type === 'manual'
        ? ['Shows only through waymark.start().']
        : t.type === 'delay' && state.delays.has(contentId)
          ? [`Waits ${t.ms} ms after the page loaded.`]
          : [],
  );
  const mine = channelOf(item.definition.kind, item.id);
  const holder = [...state.active].find(([, ch]) => ch === mine)?.[0];
  if (holder) reasons.push(`Other content (${holder}) is on screen; it shows when that ends.`);
  if (reasons.length === 0) reasons.push('Eligible on this page; it shows on the next trigger.');
  return report('waiting', ...reasons);
}

/**
 * `debug.why`: explains `contentId` from the scheduler's state (undefined before `init`) and
 * logs the report. Here rather than in the core, which then carries no formatting.
 */
export function explainAndLog(
  contentId: string,
  state: SchedulerState | undefined,
  loaded: boolean,
): WhyReport {
  const report = explain(contentId, state && whyInput(state, loaded));
  console.info(`[waymark] ${contentId}: ${report.status}\n- ${report.reasons.join('\n- ')}`);
  return report;
}

import type { WhyReport } from '../public.types';
import { channelOf, type SchedulerState } from './content.scheduler';
import { matchUrlPattern } from './trigger.matcher';

export interface WhyInput extends SchedulerState {
  /** False until the first session answer arrived. */
  loaded: boolean;
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

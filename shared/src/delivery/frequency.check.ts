import type { Frequency } from './delivery.schema.js';

/** What frequency needs to know about one user and one content item (ISO timestamps). */
export interface FrequencyState {
  status: 'in_progress' | 'completed' | 'dismissed';
  /** When the current showing began (a new one begins after a finished one). */
  shownAt: string | null;
  /** First completion; it stays set when the item is shown again. */
  completedAt: string | null;
  /** Latest dismissal. */
  dismissedAt: string | null;
}

export interface FrequencyVerdict {
  allowed: boolean;
  reason: string;
}

const DAY = 86_400_000;

/**
 * Whether the frequency setting lets this user get the item again at `now`. Pure. A user with no
 * state has never been shown the item.
 */
export function frequencyAllows(
  frequency: Frequency,
  state: FrequencyState | null,
  now: Date,
): FrequencyVerdict {
  switch (frequency.type) {
    case 'unlimited':
      return { allowed: true, reason: 'unlimited' };
    case 'once':
      if (state?.completedAt)
        return { allowed: false, reason: `once: completed ${state.completedAt}` };
      if (state?.dismissedAt)
        return { allowed: false, reason: `once: dismissed ${state.dismissedAt}` };
      return {
        allowed: true,
        reason: state?.shownAt ? 'once: started, not finished (resumes)' : 'once: not shown yet',
      };
    case 'until_completed':
      if (state?.completedAt)
        return { allowed: false, reason: `until completed: completed ${state.completedAt}` };
      return { allowed: true, reason: 'until completed: not completed yet' };
    case 'every_n_days': {
      const label = `every ${frequency.days} days`;
      if (!state?.shownAt) return { allowed: true, reason: `${label}: not shown yet` };
      if (state.status === 'in_progress')
        return { allowed: true, reason: `${label}: started, not finished (resumes)` };
      const next = Date.parse(state.shownAt) + frequency.days * DAY;
      if (now.getTime() >= next)
        return { allowed: true, reason: `${label}: last shown ${state.shownAt}` };
      return { allowed: false, reason: `${label}: next after ${new Date(next).toISOString()}` };
    }
    default: {
      const unreachable: never = frequency;
      return unreachable;
    }
  }
}

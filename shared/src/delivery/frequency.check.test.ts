import { frequencyAllows, type FrequencyState } from './frequency.check.js';

const now = new Date('2025-06-01T00:00:00Z');
const state = (overrides: Partial<FrequencyState>): FrequencyState => ({
  status: 'in_progress',
  shownAt: '2025-05-31T00:00:00Z',
  completedAt: null,
  dismissedAt: null,
  ...overrides,
});

describe('frequencyAllows', () => {
  it('once: until completed or dismissed; a started one resumes', () => {
    const once = { type: 'once' } as const;
    expect(frequencyAllows(once, null, now).allowed).toBe(true);
    expect(frequencyAllows(once, state({}), now)).toEqual({
      allowed: true,
      reason: 'once: started, not finished (resumes)',
    });
    expect(frequencyAllows(once, state({ dismissedAt: '2025-05-31T01:00:00Z' }), now).allowed).toBe(
      false,
    );
    expect(frequencyAllows(once, state({ completedAt: '2025-05-31T01:00:00Z' }), now).allowed).toBe(
      false,
    );
  });

  it('until completed: a dismissal does not stop it, a completion does', () => {
    const f = { type: 'until_completed' } as const;
    const dismissed = state({ status: 'dismissed', dismissedAt: '2025-05-31T01:00:00Z' });
    expect(frequencyAllows(f, dismissed, now).allowed).toBe(true);
    // Shown again later and in progress: the first completion still counts.
    expect(frequencyAllows(f, state({ completedAt: '2025-01-01T00:00:00Z' }), now).allowed).toBe(
      false,
    );
  });

  it('every N days: again once N days have passed since it was shown', () => {
    const f = { type: 'every_n_days', days: 90 } as const;
    const finished = (shownAt: string) =>
      state({ status: 'completed', shownAt, completedAt: shownAt });
    expect(frequencyAllows(f, finished('2025-03-04T00:00:00Z'), now).allowed).toBe(false);
    expect(frequencyAllows(f, finished('2025-03-03T00:00:00Z'), now).allowed).toBe(true);
    expect(frequencyAllows(f, finished('2025-05-30T00:00:00Z'), now).reason).toBe(
      'every 90 days: next after 2025-08-28T00:00:00.000Z',
    );
    expect(frequencyAllows(f, state({ shownAt: '2025-05-30T00:00:00Z' }), now).allowed).toBe(true);
  });

  it('unlimited: always', () => {
    const done = state({ status: 'completed', completedAt: '2025-05-31T00:00:00Z' });
    expect(frequencyAllows({ type: 'unlimited' }, done, now).allowed).toBe(true);
  });
});

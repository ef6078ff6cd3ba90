import type { ButtonAction } from '@waymark/shared';
import { nextMove, resumeIndex, type FlowMove } from './flow.machine';

const steps = [{ id: 'one' }, { id: 'two' }, { id: 'three' }];

describe('nextMove', () => {
  it.each<[number, ButtonAction, FlowMove]>([
    [0, { type: 'next' }, 1],
    [2, { type: 'next' }, 'complete'],
    [1, { type: 'back' }, 0],
    [0, { type: 'back' }, 'stay'],
    [0, { type: 'goto', stepId: 'three' }, 2],
    [0, { type: 'goto', stepId: 'missing' }, 'stay'],
    [1, { type: 'goto', stepId: 'two' }, 'stay'],
    [1, { type: 'dismiss' }, 'dismiss'],
    [0, { type: 'complete' }, 'complete'],
    [0, { type: 'start', contentId: 'other' }, 'complete'],
    [1, { type: 'url', url: 'https://example.com', newTab: true }, 'stay'],
    [1, { type: 'track', event: 'clicked_help' }, 'stay'],
  ])('at step %i, %o moves to %o', (index, action, move) => {
    expect(nextMove(steps, index, action)).toBe(move);
  });
});

describe('resumeIndex', () => {
  it('resumes at the saved step, or at the first when it no longer exists', () => {
    expect(resumeIndex(steps, 'three')).toBe(2);
    expect(resumeIndex(steps, 'renamed')).toBe(0);
    expect(resumeIndex(steps, undefined)).toBe(0);
  });
});

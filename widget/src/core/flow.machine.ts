import type { ButtonAction } from '@waymark/shared';

/** Where a flow goes after a button: a step index, `complete`, `dismiss`, or `stay` put. */
export type FlowMove = number | 'complete' | 'dismiss' | 'stay';

/**
 * Pure step transitions. `next` on the last step completes; `back` on the first stays; `goto`
 * an unknown step stays; `start` completes this flow so the started one can take the surface;
 * `url` and `track` are side effects that leave the step where it is.
 */
export function nextMove(
  steps: readonly { id: string }[],
  index: number,
  action: ButtonAction,
): FlowMove {
  switch (action.type) {
    case 'next':
      return index + 1 < steps.length ? index + 1 : 'complete';
    case 'back':
      return index > 0 ? index - 1 : 'stay';
    case 'goto': {
      const target = steps.findIndex((step) => step.id === action.stepId);
      return target < 0 || target === index ? 'stay' : target;
    }
    case 'dismiss':
      return 'dismiss';
    case 'complete':
    case 'start':
      return 'complete';
    case 'url':
    case 'track':
      return 'stay';
  }
}

/** The index to resume at: the saved step when it still exists, else the first. */
export function resumeIndex(steps: readonly { id: string }[], stepId: string | undefined): number {
  return Math.max(
    0,
    steps.findIndex((step) => step.id === stepId),
  );
}

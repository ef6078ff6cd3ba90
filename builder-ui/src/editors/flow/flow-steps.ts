import type { Step } from '@waymark/shared';

export const STEP_TYPE_LABELS: Record<Step['type'], string> = {
  tooltip: 'Tooltip',
  hotspot: 'Hotspot',
  modal: 'Modal',
  slideout: 'Slideout',
};

/** An id not used by any of `steps`: `step-1`, `step-2`, … */
export function freshStepId(steps: readonly Step[]): string {
  const used = new Set(steps.map((step) => step.id));
  let n = steps.length + 1;
  while (used.has(`step-${n}`)) n++;
  return `step-${n}`;
}

/**
 * `step` as a step of `type`: the options of the new type get their defaults, those of the old
 * one go. Modals always dim the page, so they start with a backdrop.
 */
export function retype(step: Step, type: Step['type']): Step {
  const { modal: _m, slideout: _s, hotspot: _h, ...rest } = step;
  const next: Step = { ...rest, type };
  if (type === 'modal') {
    next.modal = step.modal ?? { size: 'medium', celebrate: false };
    next.backdrop = true;
  }
  if (type === 'slideout') next.slideout = step.slideout ?? { position: 'bottom-right' };
  if (type === 'hotspot') next.hotspot = step.hotspot ?? { position: 'top-right' };
  if (type === 'slideout' && step.type === 'modal') next.backdrop = false;
  return next;
}

/** A new step after `steps`: a tooltip with a heading, a line of text and a Next button. */
export function newStep(steps: readonly Step[], type: Step['type'] = 'modal'): Step {
  const base: Step = {
    id: freshStepId(steps),
    type: 'tooltip',
    placement: 'auto',
    backdrop: false,
    advance: { on: 'button' },
    blocks: [
      { type: 'heading', text: 'New step' },
      { type: 'text', markdown: 'Say what this step is about.' },
      { type: 'button', label: 'Next', action: { type: 'next' }, variant: 'primary' },
    ],
  };
  return retype(base, type);
}

/** A copy of `step` with a fresh id, placed in `steps`. */
export const copyStep = (steps: readonly Step[], step: Step): Step => ({
  ...structuredClone(step),
  id: freshStepId(steps),
});

/** "Welcome aboard" — the step's first heading or text, else its type. */
export function stepTitle(step: Step): string {
  for (const block of step.blocks) {
    if (block.type === 'heading' && block.text.trim()) return block.text;
    if (block.type === 'text' && block.markdown.trim()) {
      const text = block.markdown.replace(/[*_`[\]]/g, '').trim();
      return text.length > 40 ? `${text.slice(0, 39)}…` : text;
    }
  }
  return `Untitled ${STEP_TYPE_LABELS[step.type].toLowerCase()}`;
}

/** "Step 2: Find your way", for lists, move announcements and "go to step". */
export const stepLabel = (step: Step, index: number): string =>
  `Step ${index + 1}: ${stepTitle(step)}`;

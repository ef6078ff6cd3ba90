import type { ButtonAction, Step } from '@waymark/shared';

/** Everything the UI needs to draw one step, and the two ways it can answer. */
export interface StepView {
  /** New for every draw (another step, or the same step re-anchored): the UI remounts on it. */
  key: string;
  step: Step;
  index: number;
  total: number;
  /** The resolved element for tooltips and hotspots; null draws the step centered. */
  target: Element | null;
  /** Buttons, the close button and Esc (`{ type: 'dismiss' }`) all answer through here. */
  act(action: ButtonAction): void;
}

/** Where steps are drawn: one surface at a time. Implemented by `ui/surface.renderer`. */
export interface Surface {
  show(view: StepView): void;
  hide(): void;
  destroy(): void;
}

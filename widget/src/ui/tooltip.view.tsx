import type { StepView } from '../core/surface.port';
import { attachFloating, revealElement } from '../dom/floating.positioner';
import { dismissOnEscape } from './dialog.view';
import { labelProps, StepCard } from './step-card.view';

/**
 * A step anchored to its target. Hidden by the stylesheet until floating-ui has placed it once,
 * so it never shows at 0,0. Non-modal: it does not take focus from the page. Positioning lives
 * in a ref callback whose returned cleanup Preact runs on unmount (no hooks in the bundle); the
 * component is remounted for every drawn step.
 */
export function TooltipView({ view, target }: { view: StepView; target: Element }) {
  const place = (card: HTMLDivElement | null): (() => void) | undefined => {
    const arrow = card?.querySelector<HTMLElement>('.arrow');
    if (!card || !arrow) return undefined;
    revealElement(target);
    return attachFloating(target, view.step.placement, card, arrow);
  };
  return (
    <div
      ref={place}
      class="card tip"
      role="dialog"
      {...labelProps(view)}
      onKeyDown={(event) => dismissOnEscape(event, view)}
    >
      <StepCard view={view} />
      <div class="arrow" />
    </div>
  );
}

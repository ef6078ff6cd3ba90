import { attachFloating, revealElement } from '../dom/floating.positioner';
import { engage } from './focus';
import { SpotlightView } from './spotlight.view';
import { StepCard, stepLabel, type FlowView } from './step-card.view';

/**
 * A step anchored to its target (or, for a hotspot, to its beacon). Hidden by the stylesheet
 * until placed once, so it never shows at 0,0; becomes a bottom sheet when no side has room.
 * With a backdrop it is blocking: a spotlight lights the target and takes the page's clicks,
 * focus moves in and Tab stays inside. `onEscape` defaults to dismissing the step.
 */
export function TooltipView(props: {
  view: FlowView;
  target: Element;
  anchor?: Element;
  onEscape?: () => void;
}) {
  const { view, target } = props;
  const blocking = view.step.backdrop;
  const place = (card: HTMLDivElement | null): (() => void) | undefined => {
    if (!card) return undefined;
    revealElement(target);
    const escape = props.onEscape ?? (() => view.act({ type: 'dismiss' }));
    return attachFloating(
      props.anchor ?? target,
      view.step.placement,
      card,
      card.querySelector<HTMLElement>('.arrow'),
      {
        // Focus only a visible card: a hidden one cannot take it.
        placed: () => engage(card, blocking, escape),
        lost: () => view.retarget(),
      },
    );
  };
  return (
    <>
      {blocking && <SpotlightView target={target} />}
      <div
        ref={place}
        class="card tip"
        role="dialog"
        aria-modal={blocking ? 'true' : undefined}
        tabIndex={-1}
        {...stepLabel(view)}
      >
        <StepCard view={view} />
        <div class="arrow" />
      </div>
    </>
  );
}

/** Card beside an element (tooltips, launcher popovers): its arrow, and the bottom sheet. */
export const popoverCss =
  '.tip{visibility:hidden}' +
  '.arrow{position:absolute;width:12px;height:12px;background:inherit;border:inherit;transform:rotate(45deg)}' +
  '[data-side=bottom] .arrow{top:-7px;border-width:1px 0 0 1px}' +
  '[data-side=top] .arrow{bottom:-7px;border-width:0 1px 1px 0}' +
  '[data-side=right] .arrow{left:-7px;border-width:0 0 1px 1px}' +
  '[data-side=left] .arrow{right:-7px;border-width:1px 1px 0 0}' +
  '.sheet{inset:auto 0 0;width:auto;min-width:0;max-width:none;max-height:70vh;overflow:auto;border-radius:var(--r) var(--r) 0 0}' +
  '.sheet .arrow{display:none}';

/** Tooltip, bottom sheet and spotlight styles. */
export const tooltipCss =
  popoverCss +
  '.spot{position:fixed;inset:0;width:100vw;height:100vh;pointer-events:none}' +
  '.spot path{fill:#0f172a73;fill-rule:evenodd;pointer-events:auto}';

import type { Placement } from '@waymark/shared';
import { arrow, autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';

const GAP = 12;
const px = (n: number): string => `${Math.round(n)}px`;

/** True when any part of the element is outside the viewport (`whole`: all of it). */
function outOfView(element: Element, whole: boolean): boolean {
  const { top, left, bottom, right } = element.getBoundingClientRect();
  return whole
    ? bottom < 0 || right < 0 || top > innerHeight || left > innerWidth
    : top < 0 || left < 0 || bottom > innerHeight || right > innerWidth;
}

/**
 * Keeps a tooltip next to its reference with floating-ui (offset, flip, shift, arrow) until the
 * returned cleanup runs. Positions are written through CSSOM (`element.style.left`), which a
 * strict `style-src` CSP allows; the arrow's side comes from `data-side`, styled in the sheet.
 */
export function attachFloating(
  reference: Element,
  placement: Placement,
  floating: HTMLElement,
  arrowElement: HTMLElement,
): () => void {
  let live = true;
  const update = (): void => {
    void computePosition(reference, floating, {
      strategy: 'fixed',
      placement: placement === 'auto' ? 'bottom' : placement,
      middleware: [
        offset(GAP),
        // `auto` starts below and may flip to any side; autoPlacement would cost 0.4 KB more.
        flip(placement === 'auto' ? { fallbackAxisSideDirection: 'end' } : {}),
        shift({ padding: 8 }),
        arrow({ element: arrowElement, padding: 12 }),
      ],
    }).then(({ x, y, placement: final, middlewareData }) => {
      if (!live) return;
      floating.style.left = px(x);
      floating.style.top = px(y);
      floating.dataset['side'] = final.split('-')[0];
      // Hidden while the target is detached or scrolled away, rather than pointing at nothing.
      // (floating-ui's `hide` also sees clipping ancestors, for 0.2 KB more.)
      const gone = !reference.isConnected || outOfView(reference, true);
      floating.style.visibility = gone ? 'hidden' : 'visible';
      const { x: ax, y: ay } = middlewareData.arrow ?? {};
      arrowElement.style.left = ax === undefined ? '' : px(ax);
      arrowElement.style.top = ay === undefined ? '' : px(ay);
    });
  };
  const stop = autoUpdate(reference, floating, update);
  return () => {
    live = false;
    stop();
  };
}

/** Scrolls the target to the middle of the viewport when any part of it is out of view. */
export function revealElement(element: Element): void {
  if (outOfView(element, false)) element.scrollIntoView({ block: 'center', inline: 'nearest' });
}

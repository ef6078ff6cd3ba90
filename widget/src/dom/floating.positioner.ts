import type { Placement } from '@waymark/shared';
import { autoUpdate } from './auto.update';
import { placeBeside } from './fit.geometry';

const GAP = 12;
const px = (n: number): string => `${Math.round(n)}px`;

/** True when any part of the element is outside the viewport (`whole`: all of it). */
function outOfView(element: Element, whole: boolean): boolean {
  const { top, left, bottom, right } = element.getBoundingClientRect();
  return whole
    ? bottom < 0 || right < 0 || top > innerHeight || left > innerWidth
    : top < 0 || left < 0 || bottom > innerHeight || right > innerWidth;
}

export interface FloatingHooks {
  /** After the first placement (the card is visible from then on). */
  placed?(): void;
  /** The reference left the document (the app replaced it): re-find it. */
  lost?(): void;
}

/**
 * Keeps a card (`position: fixed`) next to its reference with `placeBeside` and `autoUpdate`
 * (scroll, resize, layout changes) until the returned cleanup runs. With no room on any side,
 * the card becomes a bottom sheet (`.sheet`); while the reference is scrolled away it is
 * hidden. Positions are written through CSSOM (`element.style.left`), which a strict
 * `style-src` CSP allows; the arrow's side comes from `data-side`, styled in the sheet.
 */
export function attachFloating(
  reference: Element,
  placement: Placement,
  floating: HTMLElement,
  arrow: HTMLElement | null,
  hooks: FloatingHooks = {},
): () => void {
  let first = true;
  const update = (): void => {
    if (!reference.isConnected) return hooks.lost?.();
    const { style, classList } = floating;
    classList.remove('sheet'); // measured at its natural size
    const { clientWidth: width, clientHeight: height } = document.documentElement;
    const rtl = getComputedStyle(floating).direction === 'rtl';
    const size = { width: floating.offsetWidth, height: floating.offsetHeight };
    const spot = placeBeside(
      reference.getBoundingClientRect(),
      size,
      { width, height },
      placement,
      GAP,
      rtl,
    );
    classList.toggle('sheet', !spot);
    style.left = spot ? px(spot.x) : '';
    style.top = spot ? px(spot.y) : '';
    if (spot) floating.dataset['side'] = spot.side;
    if (arrow && spot) {
      const vertical = spot.side === 'top' || spot.side === 'bottom';
      arrow.style.left = vertical ? px(spot.arrow - 6) : '';
      arrow.style.top = vertical ? '' : px(spot.arrow - 6);
    }
    // A sheet stays; a card beside a target scrolled away hides rather than point at nothing.
    const visible = !spot || !outOfView(reference, true);
    style.visibility = visible ? 'visible' : 'hidden';
    if (first && visible) hooks.placed?.();
    first &&= !visible;
  };
  return autoUpdate(reference, floating, update);
}

/** Scrolls the target to the middle of the viewport when any part of it is out of view. */
export function revealElement(element: Element): void {
  if (outOfView(element, false)) element.scrollIntoView({ block: 'center', inline: 'nearest' });
}

import {
  computePosition,
  type Middleware,
  type Placement as FloatingPlacement,
  type Platform,
  type Side,
} from '@floating-ui/core';
// @floating-ui/dom re-exports core's middleware; importing them from it pulls in neither its
// platform nor its autoUpdate (the package has no side effects).
import { flip, shift } from '@floating-ui/dom';
import type { Placement } from '@waymark/shared';
import { autoUpdate } from './auto-update';

const sizeOf = (element: HTMLElement): { width: number; height: number } => ({
  width: element.offsetWidth,
  height: element.offsetHeight,
});

/**
 * floating-ui's platform for our one case, instead of `@floating-ui/dom`'s general one (≈ 1.7 KB
 * min+gzip): the card is `position: fixed` in a layer of a fixed host with no transform, so its
 * containing block is the viewport; the reference's client rect is already in viewport
 * coordinates, and the only clipping boundary is the layout viewport (the card's ancestors in our
 * shadow root clip nothing). `isRTL` keeps `-start`/`-end` placements mirrored in rtl layers.
 */
const platform: Platform = {
  getElementRects: ({ reference, floating }) => ({
    // A DOMRect is a Rect (x, y, width, height), read through getters: floating-ui only reads them.
    reference: (reference as Element).getBoundingClientRect(),
    floating: { x: 0, y: 0, ...sizeOf(floating as HTMLElement) },
  }),
  getClippingRect: () => {
    const { clientWidth: width, clientHeight: height } = document.documentElement;
    return { x: 0, y: 0, width, height };
  },
  getDimensions: sizeOf,
  isRTL: (element: Element) => getComputedStyle(element).direction === 'rtl',
};

const GAP = 12;
/** Keep this far from the viewport's edges. */
const EDGE = 8;
/** The arrow's size (12 px square, rotated) and its least distance from the card's corners. */
const ARROW = 12;
const ARROW_PAD = 10;
/** A length for `element.style`, in whole pixels. */
export const px = (n: number): string => `${Math.round(n)}px`;

/**
 * Where the arrow goes along the card's side: in line with the reference's center, kept
 * `ARROW_PAD` px from the card's corners (what floating-ui's `arrow` middleware computes).
 */
function arrowAt(referenceCenter: number, cardStart: number, cardSize: number): string {
  const at = referenceCenter - cardStart - ARROW / 2;
  return px(Math.max(ARROW_PAD, Math.min(at, cardSize - ARROW - ARROW_PAD)));
}

/** True when any part of a box is outside the viewport (`whole`: all of it). */
function outOfView({ top, left, bottom, right }: DOMRect, whole: boolean): boolean {
  return whole
    ? bottom < 0 || right < 0 || top > innerHeight || left > innerWidth
    : top < 0 || left < 0 || bottom > innerHeight || right > innerWidth;
}

/**
 * Our bottom-sheet decision, run after `flip`: does the card fit, `EDGE` px inside the viewport,
 * on the side flip settled on (along that side's axis, and across it before `shift`)? When flip
 * found no side with room, it does not, and the card becomes a sheet.
 */
const room: Middleware = {
  name: 'room',
  async fn(state) {
    const overflow = await state.platform.detectOverflow(state, { padding: EDGE });
    const side = state.placement.split('-')[0] as Side;
    const across =
      side === 'top' || side === 'bottom'
        ? overflow.left + overflow.right
        : overflow.top + overflow.bottom;
    return { data: { fits: overflow[side] <= 0 && across <= 0 } };
  },
};

/**
 * The card `GAP` px away from its reference, on the side it is placed: what floating-ui's
 * `offset(GAP)` does for a main-axis distance (RTL plays no part there), in a few lines instead
 * of its general version (≈ 250 B min+gzip with the value forms it accepts). `flip` re-runs the
 * middleware from the start on each placement it tries, so this sees every one.
 */
const gap: Middleware = {
  name: 'offset',
  fn: ({ x, y, placement: tried }) => {
    const side = tried.split('-')[0];
    const sign = side === 'top' || side === 'left' ? -GAP : GAP;
    return side === 'top' || side === 'bottom' ? { x, y: y + sign } : { x: x + sign, y };
  },
};

/**
 * floating-ui's middleware for a card `GAP` px beside its reference (`gap`): `flip` to the opposite side
 * (`auto`: below, above, right, left) when the side has no room, `room` (sheet or not), `shift`
 * along the side to stay `EDGE` px inside the viewport.
 */
export const middlewareFor = (placement: Placement): Middleware[] => [
  gap,
  flip({
    crossAxis: false,
    padding: EDGE,
    ...(placement === 'auto' && {
      fallbackPlacements: ['top', 'right', 'left'] as FloatingPlacement[],
    }),
  }),
  room,
  shift({ padding: EDGE }),
];

export interface FloatingHooks {
  /** After the first placement (the card is visible from then on); its cleanup runs at the end. */
  placed?(): () => void;
  /** The reference left the document (the app replaced it): re-find it. */
  lost?(): void;
}

/**
 * Keeps a card (`position: fixed`) next to its reference with floating-ui's `computePosition`
 * and `middlewareFor`, re-placed by our `autoUpdate` on scroll, resize and reference movement,
 * the arrow placed from the computed coordinates by `arrowAt`, until the returned cleanup runs.
 * With no room on any side, the card becomes a bottom sheet (`.sheet`); while the reference is scrolled away it is hidden.
 * Positions are written through CSSOM (`element.style.left`), which a strict `style-src` CSP
 * allows; the arrow's side comes from `data-side`, styled in the sheet.
 */
export function attachFloating(
  reference: Element,
  placement: Placement,
  floating: HTMLElement,
  arrow: HTMLElement | null,
  hooks: FloatingHooks = {},
): () => void {
  let first = true;
  let live = true;
  let release: (() => void) | undefined;
  const middleware = middlewareFor(placement);
  const update = async (): Promise<void> => {
    if (!reference.isConnected) return hooks.lost?.();
    const { style, classList } = floating;
    classList.remove('sheet'); // measured at its natural size
    const {
      x,
      y,
      placement: settled,
      middlewareData: data,
    } = await computePosition(reference, floating, {
      placement: placement === 'auto' ? 'bottom' : placement,
      strategy: 'fixed',
      middleware,
      platform,
    });
    if (!live) return;
    const spot = data['room']?.fits === true;
    const side = settled.split('-')[0];
    // Reads before the card's writes: layout is still clean from computePosition's reads, so
    // none forces another (the frame lays the card out once, where it ends up).
    const box = reference.getBoundingClientRect();
    if (arrow && spot) {
      const across = side === 'top' || side === 'bottom';
      arrow.style.left = across ? arrowAt(box.left + box.width / 2, x, floating.offsetWidth) : '';
      arrow.style.top = across ? '' : arrowAt(box.top + box.height / 2, y, floating.offsetHeight);
    }
    classList.toggle('sheet', !spot);
    style.left = spot ? px(x) : '';
    style.top = spot ? px(y) : '';
    if (spot) floating.dataset['side'] = side;
    // A sheet stays; a card beside a target scrolled away hides rather than point at nothing.
    const visible = !spot || !outOfView(box, true);
    style.visibility = visible ? 'visible' : 'hidden';
    if (first && visible) release = hooks.placed?.();
    first &&= !visible;
  };
  const stop = autoUpdate(reference, floating, () => void update());
  return () => {
    live = false;
    stop();
    release?.();
  };
}

/** Scrolls the target to the middle of the viewport when any part of it is out of view. */
export function revealElement(element: Element): void {
  if (outOfView(element.getBoundingClientRect(), false))
    element.scrollIntoView({ block: 'center', inline: 'nearest' });
}

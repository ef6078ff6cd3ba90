import type { Placement } from '@waymark/shared';

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
export interface Size {
  width: number;
  height: number;
}
export type Side = 'top' | 'bottom' | 'left' | 'right';

/** Where a card goes: its top-left corner, the side of the target it is on, its arrow's offset. */
export interface Spot {
  x: number;
  y: number;
  side: Side;
  /** Offset of the arrow's centre along the card's edge facing the target. */
  arrow: number;
}

const OPPOSITE: Record<Side, Side> = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' };
/** Keep this far from the viewport's edges. */
const EDGE = 8;
/** Keep the arrow this far from the card's corners. */
const ARROW_PAD = 16;

const clamp = (n: number, min: number, max: number): number => Math.max(min, Math.min(n, max));

/**
 * Places a card of `size` beside `target` in the viewport, `gap` away, the way floating-ui's
 * `offset`, `flip`, `shift` and `arrow` middleware do for a fixed-position element: the wanted
 * side if the card fits there, else the opposite one (`auto`: below, above, right, left, first
 * that fits); aligned by the placement's `start`/`end` (mirrored in right-to-left pages), then
 * shifted to stay `EDGE` px inside the viewport; the arrow points at the target's centre.
 * Returns null when no side has room (the tooltip becomes a bottom sheet). Pure.
 */
export function placeBeside(
  target: Box,
  size: Size,
  viewport: Size,
  placement: Placement,
  gap: number,
  rtl = false,
): Spot | null {
  const [wanted = 'bottom', align] = (placement === 'auto' ? 'bottom' : placement).split('-') as [
    Side,
    string?,
  ];
  const room: Record<Side, number> = {
    top: target.top,
    bottom: viewport.height - target.bottom,
    left: target.left,
    right: viewport.width - target.right,
  };
  const fits = (side: Side): boolean => {
    const vertical = side === 'top' || side === 'bottom';
    const across = vertical
      ? size.width <= viewport.width - 2 * EDGE
      : size.height <= viewport.height - 2 * EDGE;
    return across && room[side] >= (vertical ? size.height : size.width) + gap + EDGE;
  };
  const order: Side[] =
    placement === 'auto' ? ['bottom', 'top', 'right', 'left'] : [wanted, OPPOSITE[wanted]];
  const side = order.find(fits);
  if (!side) return null;
  const vertical = side === 'top' || side === 'bottom';
  const [start, length, extent, limit] = vertical
    ? [target.left, target.right - target.left, size.width, viewport.width]
    : [target.top, target.bottom - target.top, size.height, viewport.height];
  const toEnd = vertical && rtl ? align !== 'end' && align !== undefined : align === 'end';
  const toStart = vertical && rtl ? align === 'end' : align === 'start';
  const cross = clamp(
    toStart ? start : toEnd ? start + length - extent : start + (length - extent) / 2,
    EDGE,
    limit - extent - EDGE,
  );
  const main =
    side === 'bottom'
      ? target.bottom + gap
      : side === 'top'
        ? target.top - gap - size.height
        : side === 'right'
          ? target.right + gap
          : target.left - gap - size.width;
  const arrow = clamp(start + length / 2 - cross, ARROW_PAD, extent - ARROW_PAD);
  return vertical ? { x: cross, y: main, side, arrow } : { x: main, y: cross, side, arrow };
}

/**
 * The spotlight: an even-odd SVG path covering the viewport with a rectangular hole around the
 * target (`pad` wider). Filled area dims the page and takes its clicks; the hole lets them
 * through to the target. Pure.
 */
export function spotlightPath(rect: Box, viewport: Size, pad: number): string {
  const r = (n: number): number => Math.round(n);
  const x = r(rect.left - pad);
  const y = r(rect.top - pad);
  const w = r(rect.right - rect.left + 2 * pad);
  const h = r(rect.bottom - rect.top + 2 * pad);
  return `M0 0H${r(viewport.width)}V${r(viewport.height)}H0ZM${x} ${y}h${w}v${h}h${-w}Z`;
}

import { computePosition, type Platform, type Rect } from '@floating-ui/core';
import type { Placement } from '@waymark/shared';
import { middlewareFor } from './floating.positioner';

// floating-ui's own computePosition and middleware over plain rects (no DOM needed): what our
// options make of them, against a 1000 × 600 viewport, 12 px gap, 8 px edge.
const VIEWPORT = { width: 1000, height: 600 };
const CARD = { width: 300, height: 150 };
const platform = (reference: Rect, card = CARD): Platform => ({
  getElementRects: () => ({ reference, floating: { x: 0, y: 0, ...card } }),
  getClippingRect: () => ({ x: 0, y: 0, ...VIEWPORT }),
  getDimensions: () => card,
  isRTL: () => false,
});
const place = async (placement: Placement, reference: Rect, card = CARD) => {
  const result = await computePosition(
    {},
    {},
    {
      placement: placement === 'auto' ? 'bottom' : placement,
      strategy: 'fixed',
      middleware: middlewareFor(placement),
      platform: platform(reference, card),
    },
  );
  return { ...result, fits: result.middlewareData['room']?.fits };
};
const button = (x: number, y: number): Rect => ({ x, y, width: 100, height: 40 });

describe('middlewareFor', () => {
  it('puts the card 12 px below the reference, centred on it', async () => {
    const { x, y, placement, fits } = await place('bottom', button(400, 100));
    expect({ x, y, placement, fits }).toEqual({ x: 300, y: 152, placement: 'bottom', fits: true });
  });

  it('flips to the opposite side, keeping the alignment, when the side has no room', async () => {
    const { y, placement, fits } = await place('bottom-start', button(400, 500));
    expect({ y, placement, fits }).toEqual({
      y: 500 - 12 - 150,
      placement: 'top-start',
      fits: true,
    });
  });

  it('auto tries below, above, right, then left', async () => {
    const tall = { width: 300, height: 280 };
    const middle = { x: 20, y: 250, width: 100, height: 100 };
    const { x, placement } = await place('auto', middle, tall);
    expect({ x, placement }).toEqual({ x: 132, placement: 'right' });
    const atRight = await place('auto', { ...middle, x: 880 }, tall);
    expect({ x: atRight.x, placement: atRight.placement }).toEqual({
      x: 880 - 12 - 300,
      placement: 'left',
    });
  });

  it('shifts the card along its side to stay 8 px inside the viewport', async () => {
    expect((await place('bottom', button(960, 100))).x).toBe(1000 - 300 - 8);
    expect((await place('bottom', button(-50, 100))).x).toBe(8);
  });

  it('does not fit (a bottom sheet) when no side has room or the card is wider than the viewport', async () => {
    const huge = { x: 0, y: 20, width: 1000, height: 560 };
    expect((await place('auto', huge)).fits).toBe(false);
    expect((await place('bottom', button(400, 100), { width: 990, height: 100 })).fits).toBe(false);
  });
});

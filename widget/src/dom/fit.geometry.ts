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

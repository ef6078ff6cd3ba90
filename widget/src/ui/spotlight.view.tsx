import { autoUpdate } from '../dom/auto-update';
import { spotlightPath } from '../dom/fit.geometry';

/** Dims the page except `target`, follows it, and swallows clicks outside it. */
export function SpotlightView({ target }: { target: Element }) {
  const follow = (svg: SVGSVGElement | null): (() => void) | undefined => {
    const path = svg?.firstElementChild;
    if (!svg || !path) return undefined;
    // No viewBox: the svg is the viewport's size, so its user units are CSS pixels already.
    return autoUpdate(target, svg, () => {
      const viewport = { width: innerWidth, height: innerHeight };
      path.setAttribute('d', spotlightPath(target.getBoundingClientRect(), viewport, 6));
    });
  };
  return (
    <svg ref={follow} class="spot" aria-hidden="true">
      <path />
    </svg>
  );
}

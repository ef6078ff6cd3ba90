import { autoUpdate } from '../dom/auto-update';
import { spotlightPath } from '../dom/fit.geometry';

/** Dims the page except `target`, follows it, and swallows clicks outside it. */
export function SpotlightView({ target }: { target: Element }) {
  const follow = (svg: SVGSVGElement | null): (() => void) | undefined => {
    const path = svg?.firstElementChild;
    if (!svg || !path) return undefined;
    return autoUpdate(target, svg, () => {
      const viewport = { width: innerWidth, height: innerHeight };
      svg.setAttribute('viewBox', `0 0 ${viewport.width} ${viewport.height}`);
      path.setAttribute('d', spotlightPath(target.getBoundingClientRect(), viewport, 6));
    });
  };
  return (
    <svg ref={follow} class="spot" aria-hidden="true">
      <path />
    </svg>
  );
}

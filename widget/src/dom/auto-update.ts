/**
 * Calls `update` now and again whenever the reference or the floating element may have moved,
 * at most once per animation frame, until the returned cleanup runs. Our version of
 * `@floating-ui/dom`'s `autoUpdate` (with the DOM utilities it pulls in, 1.4 KB min+gzip more
 * than this) for our one case: a `position: fixed` element in a fixed shadow host, placed in
 * viewport coordinates.
 *
 * - scrolling anywhere: one `scroll` listener on `window` in the capture phase sees the scroll of
 *   every container in the document (scroll events do not bubble, but they are captured), so no
 *   walk of the reference's scroll ancestors is needed; plus `resize`;
 * - size: a ResizeObserver on both elements;
 * - the reference moving for any other reason (content inserted above it, an animation, the app
 *   replacing it): an IntersectionObserver whose root margin shrinks the viewport to the
 *   reference's own box, so any move changes its intersection ratio and calls back; re-armed at
 *   the new box on every update (floating-ui's `layoutShift` trick). Chosen over comparing
 *   rects every frame: it costs nothing while nothing moves, where a frame loop would keep the
 *   main thread awake and read layout 60 times a second for as long as a tooltip is open.
 *
 * A reference inside a shadow root's scroll container is not seen scrolling (scroll events are
 * not composed), but the IntersectionObserver still sees it move, a frame later.
 */
export function autoUpdate(reference: Element, floating: Element, update: () => void): () => void {
  let frame = 0;
  let moves: IntersectionObserver | undefined;

  /** Watches the reference's box as it is now; `threshold` is its visible ratio (1 unless clipped). */
  const watch = (threshold = 1): void => {
    moves?.disconnect();
    const box = reference.getBoundingClientRect();
    // Hidden: the ResizeObserver sees it come back. Gone: `update` sees that.
    if (!box.width || !box.height) return;
    const { clientWidth, clientHeight } = document.documentElement;
    const margin = [box.top, clientWidth - box.right, clientHeight - box.bottom, box.left]
      .map((inset) => `${-Math.floor(inset)}px`)
      .join(' ');
    let first = true;
    moves = new IntersectionObserver(
      ([entry]) => {
        const ratio = entry?.intersectionRatio ?? 0;
        const now = reference.getBoundingClientRect();
        // The first call reports the state at observe time: only a box that already moved counts.
        if (!first || now.top !== box.top || now.left !== box.left) schedule();
        // Partly clipped by a scroll container: watch for a change from the ratio it shows.
        else if (ratio && ratio !== threshold) watch(ratio);
        first = false;
      },
      { rootMargin: margin, threshold },
    );
    moves.observe(reference);
  };
  const run = (): void => {
    frame = 0;
    watch();
    update();
  };
  const schedule = (): void => {
    frame ||= requestAnimationFrame(run);
  };

  const sizes = new ResizeObserver(schedule);
  sizes.observe(reference);
  sizes.observe(floating);
  const options = { capture: true, passive: true };
  addEventListener('scroll', schedule, options);
  addEventListener('resize', schedule, options);
  run();
  return () => {
    cancelAnimationFrame(frame);
    moves?.disconnect();
    sizes.disconnect();
    removeEventListener('scroll', schedule, options);
    removeEventListener('resize', schedule, options);
  };
}

/**
 * Calls `update` now, and again (at most once per animation frame) whenever `reference` may have
 * moved or changed size: scrolling anywhere (capture phase: nested scroll containers too),
 * window resizes, size changes of either element, and DOM changes in the page (which is how
 * targets move when content above them appears). Event-driven: nothing runs while the page is
 * still. Returns the cleanup.
 */
export function autoUpdate(reference: Element, floating: Element, update: () => void): () => void {
  let frame = 0;
  const schedule = (): void => {
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      update();
    });
  };
  const resize = new ResizeObserver(schedule);
  resize.observe(reference);
  resize.observe(floating);
  // Our own DOM lives in a shadow root, which this observer does not see: no feedback loop.
  const mutations = new MutationObserver(schedule);
  mutations.observe(document.body, {
    childList: true,
    subtree: true,
    attributes: true,
    characterData: true,
  });
  const options = { capture: true, passive: true };
  addEventListener('scroll', schedule, options);
  addEventListener('resize', schedule);
  update();
  return () => {
    cancelAnimationFrame(frame);
    resize.disconnect();
    mutations.disconnect();
    removeEventListener('scroll', schedule, options);
    removeEventListener('resize', schedule);
  };
}

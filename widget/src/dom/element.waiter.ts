export interface WaitOptions {
  /** Give up after this long. The widget uses 5000 ms. */
  timeoutMs: number;
  signal: AbortSignal;
}

/**
 * Resolves with `find()`'s element once it exists (checked on DOM mutations, at most once per
 * animation frame), or null after `timeoutMs` or on abort. No polling.
 */
export function waitForElement(
  find: () => Element | null,
  { timeoutMs, signal }: WaitOptions,
): Promise<Element | null> {
  const now = find();
  if (now || signal.aborted) return Promise.resolve(now);
  return new Promise((resolve) => {
    let frame = 0;
    const done = (element: Element | null): void => {
      observer.disconnect();
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      signal.removeEventListener('abort', onAbort);
      resolve(element);
    };
    const onAbort = (): void => done(null);
    const check = (): void => {
      frame = 0;
      const element = find();
      if (element) done(element);
    };
    const observer = new MutationObserver(() => {
      if (frame === 0) frame = requestAnimationFrame(check);
    });
    // Attributes too: a mounted element often becomes visible by a class or `hidden` change.
    observer.observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
    });
    // Background tabs run no animation frames: check once more before giving up.
    const timer = setTimeout(() => done(find()), timeoutMs);
    signal.addEventListener('abort', onAbort);
  });
}

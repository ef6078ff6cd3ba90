import { useEffect, useState } from 'preact/hooks';

/** Most pages arrive within this; showing a spinner for them would only make the page flicker. */
export const LOADING_DELAY_MS = 150;

/**
 * The state while a page's code downloads: nothing for the first 150 ms, then a spinner and
 * "Loading…". The empty live region is there from the start, so a screen reader announces the
 * text when it appears (a region inserted together with its text is often not read).
 */
export function PageLoading({ what = 'page' }: { what?: string }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), LOADING_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div class="page-loading" role="status" aria-live="polite">
      {shown && (
        <>
          <span class="page-loading-spinner" aria-hidden="true" />
          <span>Loading {what}…</span>
        </>
      )}
    </div>
  );
}

/** A page's code did not arrive (offline, or a new release removed the old files): reload. */
export function PageLoadFailed() {
  return (
    <div class="alert alert-block page-load-failed" role="alert">
      <p>This page could not be loaded. Check your connection, then reload.</p>
      <button type="button" class="button" onClick={() => location.reload()}>
        Reload
      </button>
    </div>
  );
}

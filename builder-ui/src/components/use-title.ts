import { useEffect } from 'preact/hooks';

/** Sets the tab title to "<page> · Waymark" while the page is shown. */
export function useTitle(page: string): void {
  useEffect(() => {
    document.title = `${page} · Waymark`;
  }, [page]);
}

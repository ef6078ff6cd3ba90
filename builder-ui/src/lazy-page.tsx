import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { PageLoadFailed, PageLoading } from './components/page-loading';

/** A page whose code is fetched on first render (its own chunk), with `preload` to start early. */
export interface LazyPage<P> extends FunctionComponent<P> {
  preload: () => Promise<FunctionComponent<P>>;
}

/**
 * Wraps `load` (an `import()` of the page's module, picking the component) as a page the route
 * tables can name: the first render starts the download and shows `PageLoading`; later renders,
 * and every render once loaded, show the page at once. A failed download is forgotten, so the
 * next visit tries again, and says so with a "Reload" button.
 */
export function lazyPage<P extends object>(load: () => Promise<FunctionComponent<P>>): LazyPage<P> {
  let loaded: FunctionComponent<P> | undefined;
  let pending: Promise<FunctionComponent<P>> | undefined;
  const preload = () =>
    (pending ??= load().then(
      (page) => (loaded = page),
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    ));

  function Lazy(props: P) {
    const [page, setPage] = useState(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (page) return;
      let current = true;
      preload().then(
        (found) => current && setPage(() => found),
        () => current && setFailed(true),
      );
      return () => {
        current = false;
      };
    }, [page]);
    const Page = page ?? loaded;
    if (Page) return <Page {...props} />;
    return failed ? <PageLoadFailed /> : <PageLoading />;
  }
  return Object.assign(Lazy, { preload });
}

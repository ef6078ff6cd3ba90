/**
 * Calls `onChange(href)` when the URL changes: wraps `history.pushState`/`replaceState` (SPA
 * routers) and listens to `popstate`/`hashchange`. No polling. Notifies synchronously inside
 * `pushState`, before the router renders the next page, so stale content hides without a flash.
 * The wrappers never throw into the host's router. Returns a function that undoes it all.
 */
export function watchRoute(
  win: Window,
  onChange: (href: string) => void,
  onError: (error: unknown) => void,
): () => void {
  const { history } = win;
  let last = win.location.href;
  let live = true;
  const check = (): void => {
    const href = win.location.href;
    if (!live || href === last) return;
    last = href;
    try {
      onChange(href);
    } catch (error) {
      onError(error);
    }
  };
  const restores = (['pushState', 'replaceState'] as const).map((name) => {
    const original = history[name];
    const wrapped: History[typeof name] = function (this: History, ...args) {
      original.apply(this, args);
      check();
    };
    history[name] = wrapped;
    // If another script wrapped ours since, ours stays in its chain, inert (`live` is false).
    return () => {
      if (history[name] === wrapped) history[name] = original;
    };
  });
  win.addEventListener('popstate', check);
  win.addEventListener('hashchange', check);
  return () => {
    live = false;
    win.removeEventListener('popstate', check);
    win.removeEventListener('hashchange', check);
    for (const restore of restores) restore();
  };
}

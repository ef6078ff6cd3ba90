import { chunksFor } from './chunk.plan';
import { loadParts } from './chunk.loader';
import type { Logger } from './debug.logger';
import type { ContentRun, MountContext, SurfaceModule } from './surface.port';

export { loadParts };

/**
 * A run whose surface chunks may still be loading: `start` loads them (usually preloaded, so it
 * draws in the same frame) and mounts; route and event notices before that are dropped (the
 * scheduler re-checks triggers itself).
 */
export function lazyRun(ctx: MountContext, log: Logger): ContentRun {
  let real: ContentRun | null = null;
  let live = false;
  const { definition } = ctx.item;
  return {
    get index() {
      return real?.index ?? ctx.index;
    },
    start() {
      live = true;
      if (real) return real.start();
      loadParts(chunksFor(definition, ctx.preview))
        .then((parts) => {
          if (!live) return;
          real = (parts[definition.kind] as SurfaceModule).mount(ctx, parts);
          real.start();
        })
        .catch((error: unknown) => {
          log.error('showing content failed', error);
          if (live) ctx.end('paused', ctx.index);
        });
    },
    stop() {
      live = false;
      real?.stop();
    },
    onRoute: (url) => real?.onRoute(url),
    onTrack: (event) => real?.onTrack(event),
    onContent: () => real?.onContent?.(),
  };
}

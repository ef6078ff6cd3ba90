// The `tags` chunk: feature tags (no-code click and page events). Loaded only when a session
// answer carries tags; it holds no views (no preact), so a page with tags and no content
// does not download preact. Its copy of the fingerprint matcher is the one every surface uses.
import type { ElementTarget, FeatureTag } from '@waymark/shared';
import { clickedTags, pageTagsFor } from '../core/feature.tags';
import { findElement } from '../dom/element.finder';

export interface TagDeps {
  /** Sends the tag's event (`name` with `{ featureTagId }`). */
  track(name: string, properties: { featureTagId: string }): void;
  matchUrl(pattern: string, url: string): boolean;
  onError(error: unknown): void;
}

export interface TagWatch {
  /** Tags from a new session answer; page tags for this page fire unless already sent. */
  set(tags: readonly FeatureTag[]): void;
  /** A route change: page tags matching the new URL fire. */
  route(url: string): void;
  stop(): void;
}

/** Turns clicks on tagged elements and views of tagged pages into named events. */
export function watchTags(deps: TagDeps): TagWatch {
  let tags: readonly FeatureTag[] = [];
  let page = location.href;
  let fired = new Set<string>();
  const send = (tag: FeatureTag): void => deps.track(tag.name, { featureTagId: tag.id });
  const firePages = (): void => {
    for (const tag of pageTagsFor(tags, page, fired, deps.matchUrl)) {
      fired.add(tag.id);
      send(tag);
    }
  };
  // Capture phase: the app may stop propagation; the click still counts.
  const onClick = (event: Event): void => {
    try {
      const clicked = event.target;
      if (!(clicked instanceof Node) || tags.length === 0) return;
      const hit = (target: ElementTarget): boolean =>
        findElement(document, target)?.contains(clicked) === true;
      for (const tag of clickedTags(tags, location.href, hit, deps.matchUrl)) send(tag);
    } catch (error) {
      deps.onError(error);
    }
  };
  document.addEventListener('click', onClick, true);
  return {
    set(next) {
      tags = next;
      firePages();
    },
    route(url) {
      if (url === page) return;
      page = url;
      fired = new Set();
      firePages();
    },
    stop() {
      document.removeEventListener('click', onClick, true);
    },
  };
}

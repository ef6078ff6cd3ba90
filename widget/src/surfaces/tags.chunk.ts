// The `tags` chunk: feature tags (no-code click and page events). Loaded only when a session
// answer carries tags; it holds no views (no preact), so a page with tags and no content
// does not download preact. Its copy of the fingerprint matcher is the one every surface uses.
import type { ElementTarget, FeatureTag } from '@waymark/shared';
import { clickedTags, pageTagsFor } from '../core/feature.tags';
import type { Logger } from '../core/debug.logger';
import { findElement } from '../dom/element.finder';

/** What the tags need from the widget: `track`, to send each tag's `name` with its id. */
export interface TagSink {
  track(name: string, properties: { featureTagId: string }): void;
}

export interface TagWatch {
  /** Tags from a new session answer; page tags for this page fire unless already sent. */
  set(tags: readonly FeatureTag[]): void;
  /** A route change: page tags matching the new URL fire. */
  route(url: string): void;
  stop(): void;
}

/** Turns clicks on tagged elements and views of tagged pages into named events. */
export function watchTags(
  waymark: TagSink,
  log: Logger,
  /** The core's `matchUrlPattern` (passed, so this chunk carries no copy of it). */
  matchUrl: (pattern: string, url: string) => boolean,
): TagWatch {
  let tags: readonly FeatureTag[] = [];
  let page = location.href;
  let fired = new Set<string>();
  const send = (tag: FeatureTag): void => waymark.track(tag.name, { featureTagId: tag.id });
  const firePages = (): void => {
    for (const tag of pageTagsFor(tags, page, fired, matchUrl)) {
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
      for (const tag of clickedTags(tags, location.href, hit, matchUrl)) send(tag);
    } catch (error) {
      log.error('feature tag failed', error);
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

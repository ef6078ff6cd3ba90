import type { ElementTarget, FeatureTag } from '@waymark/shared';

type UrlMatcher = (pattern: string, url: string) => boolean;

/**
 * Page tags to fire for a page view of `url`, leaving out those in `fired` (already sent for this
 * page, e.g. when a second session answer brings the same tags). Pure.
 */
export function pageTagsFor(
  tags: readonly FeatureTag[],
  url: string,
  fired: ReadonlySet<string>,
  matchUrl: UrlMatcher,
): FeatureTag[] {
  return tags.filter((tag) => tag.kind === 'page' && !fired.has(tag.id) && matchUrl(tag.url, url));
}

/**
 * Click tags hit by a click on `url`: those whose page matches (when they name one) and whose
 * fingerprint `hit` says was clicked (on or inside the element it resolves to). Pure: the DOM
 * lookup is `hit`'s.
 */
export function clickedTags(
  tags: readonly FeatureTag[],
  url: string,
  hit: (target: ElementTarget) => boolean,
  matchUrl: UrlMatcher,
): FeatureTag[] {
  return tags.filter(
    (tag) =>
      tag.kind === 'click' && (tag.url === undefined || matchUrl(tag.url, url)) && hit(tag.target),
  );
}

import type { ElementTarget, FeatureTagRecord } from '@waymark/shared';

/** A short description of an element target: its selector, else its strongest signals. */
export function targetSummary(target: ElementTarget): string {
  if (target.selector) return target.selector;
  const attributes = Object.entries(target.attributes).map(([k, v]) => `[${k}="${v}"]`);
  const parts = [
    ...(target.tag ? [target.tag] : []),
    ...attributes,
    ...(target.role ? [`role ${target.role}`] : []),
    ...(target.text ? [`“${target.text}”`] : []),
  ];
  return parts.length > 0 ? parts.join(' ') : (target.path ?? 'an element');
}

/** "Click on …" / "Page view of …", for the list. */
export function firesOn(tag: FeatureTagRecord): string {
  if (tag.kind === 'page') return `Page view of ${tag.url}`;
  return `Click on ${targetSummary(tag.target)}${tag.url ? ` on ${tag.url}` : ''}`;
}

import type { ContentDefinition } from '@waymark/shared';

/**
 * The chunks a definition needs on screen: its kind's chunk, plus, for flows, the step views it
 * uses: `tooltip` (tooltips and hotspots) or `dialog` (modals and slideouts), so a tour of
 * tooltips never downloads the modal code. Core preloads them all at once when
 * the session answers; the flow chunk waits for the same ones before its first draw. Pure.
 */
export function chunksFor(definition: ContentDefinition, preview = false): string[] {
  if (definition.kind !== 'flow') return [definition.kind];
  const parts = new Set(['flow']);
  for (const step of definition.steps) {
    const anchored = step.type === 'tooltip' || step.type === 'hotspot';
    parts.add(anchored ? 'tooltip' : 'dialog');
    // A preview draws a step whose target is missing as a centered dialog.
    if (anchored && preview) parts.add('dialog');
  }
  return [...parts];
}

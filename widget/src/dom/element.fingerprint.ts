import type { ElementTarget } from '@waymark/shared';
import { collectCandidates, describe } from './element.finder';
import { countBestCandidates, implicitRole } from './element.scorer';
import { isStableAttributeName, looksGenerated } from './fingerprint.rules';

/** What the picker captured for one element. */
export interface Capture {
  target: ElementTarget;
  /** The element had an id that looked generated, so it was left out. */
  skippedGeneratedId: boolean;
}

/** Text longer than this is a container's, not a label: it is left out. */
const MAX_TEXT = 80;
/** Attributes that make a good anchor for a structural path, in order of preference. */
const ANCHORS = ['data-testid', 'data-test', 'data-cy', 'data-qa', 'data-waymark-id'];

/**
 * The multi-signal fingerprint of `element`, read the way `findElement` reads candidates: stable
 * attributes (data-*, a non-generated id, aria-label, name), tag, role, accessible text, and a
 * structural path from the nearest stable ancestor.
 */
export function fingerprintOf(element: Element): Capture {
  const attributes: Record<string, string> = {};
  let skippedGeneratedId = false;
  for (const { name, value } of Array.from(element.attributes)) {
    if (!isStableAttributeName(name) || !value || value.length > 500 || name.length > 100) continue;
    if (looksGenerated(value)) {
      if (name === 'id') skippedGeneratedId = true;
      continue;
    }
    attributes[name] = value;
  }
  const tag = element.tagName.toLowerCase();
  const role =
    element.getAttribute('role') ??
    implicitRole(tag, element.getAttribute('type'), element.hasAttribute('href'));
  const text = labelOf(element);
  const path = pathTo(element);
  const target: ElementTarget = {
    attributes,
    tag,
    ...(role ? { role } : {}),
    ...(text ? { text } : {}),
    ...(path ? { path } : {}),
  };
  return { target, skippedGeneratedId };
}

/** The accessible name or short visible text (as the finder compares it, before lower-casing). */
function labelOf(element: Element): string {
  const input = element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement;
  const label =
    element.getAttribute('aria-label') ??
    element.getAttribute('alt') ??
    // A typed value changes; only an empty field's placeholder names it.
    (input ? (element.value ? '' : element.placeholder) : element.textContent) ??
    '';
  const text = label.replace(/\s+/g, ' ').trim();
  return text.length <= MAX_TEXT ? text : '';
}

/** `#id` or `[data-testid="…"]` when the element can anchor a path. */
function anchorOf(element: Element): string | null {
  const { id } = element;
  if (id && !looksGenerated(id)) return `#${CSS.escape(id)}`;
  for (const name of ANCHORS) {
    const value = element.getAttribute(name);
    if (value && !looksGenerated(value)) return `[${name}="${CSS.escape(value)}"]`;
  }
  return null;
}

/**
 * A CSS path of `tag:nth-of-type(n)` steps from the nearest stable ancestor (or `body`) down to
 * the element; empty for elements outside the document's light DOM.
 */
function pathTo(element: Element): string {
  const steps: string[] = [];
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node === document.body) return ['body', ...steps].join(' > ');
    const anchor = node === element ? null : anchorOf(node);
    if (anchor) return [anchor, ...steps].join(' > ');
    const tag = node.tagName.toLowerCase();
    const same = node.parentElement
      ? Array.from(node.parentElement.children).filter((c) => c.tagName === node!.tagName)
      : [node];
    steps.unshift(same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(node) + 1})` : tag);
  }
  return '';
}

/** How many elements of `doc` the fingerprint matches equally well (1: unique; 0: none). */
export function countMatches(doc: Document, target: ElementTarget): number {
  const pool = collectCandidates(doc, target);
  return countBestCandidates(
    target,
    pool.map((element) => describe(element, target)),
  );
}

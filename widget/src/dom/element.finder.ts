import type { ElementTarget } from '@waymark/shared';
import {
  implicitRole,
  normalizeText,
  pickBestCandidate,
  type CandidateDescriptor,
} from './element.scorer';

/** Bounds the work per lookup on very large pages. */
const MAX_CANDIDATES = 400;
/** Where a fingerprint with text but no tag looks (role-bearing and text-bearing elements). */
const TEXT_HOSTS = 'a,button,input,label,summary,[role],h1,h2,h3,h4,h5,h6,li,td,th,p,span';

/** Resolves a fingerprint to the best-matching element in `doc`, or null. */
export function findElement(doc: Document, target: ElementTarget): Element | null {
  const pool = collectCandidates(doc, target);
  const index = pickBestCandidate(
    target,
    pool.map((element) => describe(element, target)),
  );
  return pool[index] ?? null;
}

export function collectCandidates(doc: Document, target: ElementTarget): Element[] {
  const found = new Set<Element>();
  const add = (selector: string | undefined): void => {
    if (!selector) return;
    for (const element of safeQueryAll(doc, selector)) {
      if (found.size >= MAX_CANDIDATES) return;
      if (!element.hasAttribute('data-waymark')) found.add(element);
    }
  };
  add(target.selector);
  add(target.path);
  for (const [name, value] of Object.entries(target.attributes)) {
    add(`[${CSS.escape(name)}="${CSS.escape(value)}"]`);
  }
  if (target.text) add(target.tag ?? TEXT_HOSTS);
  return [...found];
}

export function describe(element: Element, target: ElementTarget): CandidateDescriptor {
  const attributes: Record<string, string> = {};
  for (const name of Object.keys(target.attributes)) {
    const value = element.getAttribute(name);
    if (value !== null) attributes[name] = value;
  }
  const tag = element.tagName.toLowerCase();
  return {
    tag,
    attributes,
    role:
      element.getAttribute('role') ??
      implicitRole(tag, element.getAttribute('type'), element.hasAttribute('href')),
    text: target.text ? accessibleText(element) : '',
    matchesSelector: safeMatches(element, target.selector),
    matchesPath: safeMatches(element, target.path),
    visible: isVisible(element),
  };
}

function accessibleText(element: Element): string {
  const label =
    element.getAttribute('aria-label') ??
    element.getAttribute('alt') ??
    (element instanceof HTMLInputElement ? element.value || element.placeholder : null);
  return normalizeText(label ?? (element.textContent ?? '').slice(0, 1000));
}

/** Rendered (has boxes). `checkVisibility` would also see `visibility: hidden`, from Safari 17.4. */
export function isVisible(element: Element): boolean {
  return element.getClientRects().length > 0;
}

function safeQueryAll(doc: Document, selector: string): Iterable<Element> {
  try {
    return doc.querySelectorAll(selector);
  } catch {
    return []; // An author's selector may be invalid; the other signals still count.
  }
}

function safeMatches(element: Element, selector: string | undefined): boolean {
  try {
    return selector ? element.matches(selector) : false;
  } catch {
    return false;
  }
}

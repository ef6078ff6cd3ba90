import type { ElementTarget } from '@waymark/shared';

/** What the finder reads off one DOM element; plain data, so scoring runs without a DOM. */
export interface CandidateDescriptor {
  /** Lower-case tag name. */
  tag: string;
  /** Values of the attributes the target names; absent attributes are left out. */
  attributes: Readonly<Record<string, string>>;
  /** Explicit `role`, else the implicit one (see `implicitRole`), else null. */
  role: string | null;
  /** Accessible name or visible text, as `normalizeText` returns it. */
  text: string;
  matchesSelector: boolean;
  matchesPath: boolean;
  visible: boolean;
}

/** Below this, a candidate is a coincidence (a tag and a role alone never reach it). */
export const MIN_SCORE = 25;

const WEIGHTS = { selector: 50, path: 20, role: 10, textExact: 25, textPartial: 10, tag: 5 };
const TAG_MISMATCH = -15;

/** Attributes that are made to be stable get more trust than incidental ones. */
export function attributeWeight(name: string): number {
  if (name === 'id' || /^data-(test|cy|qa|waymark)/.test(name)) return 30;
  if (name.startsWith('data-')) return 20;
  if (name === 'aria-label' || name === 'name') return 15;
  return 10;
}

/** Trims, collapses whitespace, lower-cases and caps at 200 characters. */
export function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase().slice(0, 200);
}

/** The ARIA role an element has without a `role` attribute (the cases tours point at). */
export function implicitRole(tag: string, type: string | null, hasHref: boolean): string | null {
  if (tag === 'a') return hasHref ? 'link' : null;
  if (/^h[1-6]$/.test(tag)) return 'heading';
  if (tag === 'input') {
    if (type === 'checkbox' || type === 'radio') return type;
    return /^(button|submit|reset)$/.test(type ?? '') ? 'button' : 'textbox';
  }
  if (tag === 'textarea') return 'textbox';
  if (tag === 'select') return 'combobox';
  return /^(button|img|dialog)$/.test(tag) ? tag : null;
}

/** How well one candidate fits the fingerprint; higher is better. Pure. */
export function scoreCandidate(target: ElementTarget, candidate: CandidateDescriptor): number {
  let score = 0;
  if (target.selector && candidate.matchesSelector) score += WEIGHTS.selector;
  if (target.path && candidate.matchesPath) score += WEIGHTS.path;
  for (const [name, value] of Object.entries(target.attributes)) {
    if (candidate.attributes[name] === value) score += attributeWeight(name);
  }
  if (target.role && candidate.role === target.role) score += WEIGHTS.role;
  if (target.tag) score += candidate.tag === target.tag.toLowerCase() ? WEIGHTS.tag : TAG_MISMATCH;
  const wanted = target.text === undefined ? '' : normalizeText(target.text);
  if (wanted) {
    if (candidate.text === wanted) score += WEIGHTS.textExact;
    else if (wanted.length >= 3 && candidate.text.includes(wanted)) score += WEIGHTS.textPartial;
  }
  return score;
}

/**
 * Index of the best candidate, or -1 when none reaches `MIN_SCORE`. Ties go to the visible one,
 * then the first in document order.
 */
export function pickBestCandidate(
  target: ElementTarget,
  candidates: readonly CandidateDescriptor[],
): number {
  let best = -1;
  let bestScore = MIN_SCORE - 1;
  let bestCandidate: CandidateDescriptor | undefined;
  candidates.forEach((candidate, index) => {
    const score = scoreCandidate(target, candidate);
    const better =
      score > bestScore || (score === bestScore && candidate.visible && !bestCandidate?.visible);
    if (better) {
      best = index;
      bestScore = score;
      bestCandidate = candidate;
    }
  });
  return best;
}

/**
 * How many candidates share the best score (at least `MIN_SCORE`): 1 means the fingerprint is
 * unique, 0 that nothing matches. The picker reports it to the builder. Pure.
 */
export function countBestCandidates(
  target: ElementTarget,
  candidates: readonly CandidateDescriptor[],
): number {
  const scores = candidates.map((candidate) => scoreCandidate(target, candidate));
  const best = Math.max(MIN_SCORE, ...scores);
  return scores.filter((score) => score === best).length;
}

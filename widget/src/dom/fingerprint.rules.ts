import type { ElementTarget } from '@waymark/shared';

/**
 * Pure rules of the element picker: which attribute values are stable enough to keep, and which
 * signals of a fingerprint are fragile. Shared by the picker (widget) and the builder's target
 * field, which shows the warnings.
 */

/**
 * True for ids, classes and attribute values that look machine-made, so they change on the next
 * build or render: React `useId` (`:r1:`), CSS-in-JS hashes (`css-1x2y3z`, `sc-bdVaJa`,
 * `jsx-123`, `svelte-xyz`), long digit runs, and segments mixing letters and digits.
 */
export function looksGenerated(value: string): boolean {
  if (/^:|:$|\d{4,}|^(css|sc|jsx|svelte|emotion|ember|mui|chakra)-/i.test(value)) return true;
  return value
    .split(/[-_:.]/)
    .some(
      (part) =>
        part.length >= 5 &&
        /\d/.test(part) &&
        /[a-z]/i.test(part) &&
        !/^[a-z]+\d{1,2}$/i.test(part),
    );
}

/** Attribute names the picker keeps when their values are stable (ids go in as `id`). */
export function isStableAttributeName(name: string): boolean {
  if (name === 'id' || name === 'aria-label' || name === 'name') return true;
  // data-* made for tests or analytics; framework bookkeeping (data-v-1a2b3c, data-reactid) is not.
  return (
    /^data-[a-z][\w-]*$/.test(name) && !/^data-(v-|reactid|react|styled|emotion|radix-)/.test(name)
  );
}

/** Why a fingerprint may break, as codes the builder words (see `FRAGILE_MESSAGES`). */
export type FragileSignal = 'path-only' | 'text-only' | 'generated-id' | 'ambiguous' | 'no-match';

/** Plain-language warnings for each fragile signal. */
export const FRAGILE_MESSAGES: Record<FragileSignal, string> = {
  'path-only':
    'Found only by its position in the page structure: a layout change will break it. Add a data-* attribute to the element.',
  'text-only': 'Found mostly by its text: rewording or translating it will break it.',
  'generated-id': 'Its id looks generated (it changes between builds), so it is not used.',
  ambiguous: 'More than one element matches: the first visible one is used.',
  'no-match': 'Nothing on the page matched this target when it was picked.',
};

/**
 * The fragile signals of `target`: what it relies on, and (when known) how many elements it
 * matched (`matches`) and whether the element's own id was left out as generated. Pure.
 */
export function fragileSignals(
  target: ElementTarget,
  facts: { matches?: number; skippedGeneratedId?: boolean } = {},
): FragileSignal[] {
  const out: FragileSignal[] = [];
  const hasAttributes = Object.keys(target.attributes).length > 0 || Boolean(target.selector);
  if (!hasAttributes && !target.text && target.path) out.push('path-only');
  else if (!hasAttributes && target.text) out.push('text-only');
  if (facts.skippedGeneratedId) out.push('generated-id');
  if (facts.matches !== undefined && facts.matches > 1) out.push('ambiguous');
  if (facts.matches === 0) out.push('no-match');
  return out;
}

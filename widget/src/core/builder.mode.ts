/** The draft this tab previews (`#waymark-preview=<token>`), kept across its pages. */
export const PREVIEW_KEY = 'waymark.preview';

/** True when the builder opened this page (picker or draft preview): core then loads `builder`. */
export function inBuilderMode(hash: string): boolean {
  return /[#&]waymark-(pick|preview)=/.test(hash) || tabValue(PREVIEW_KEY) !== null;
}

/**
 * The builder opens the customer's app with `#waymark-pick=<token>` (element picker) or
 * `#waymark-preview=<token>` (a draft previewed on the real page). Returns the token, or undefined
 * when the hash has none (or a malformed one). Pure.
 */
export function hashToken(hash: string, name: 'pick' | 'preview'): string | undefined {
  return new RegExp(`[#&]waymark-${name}=([\\w-]{16,128})(?:&|$)`).exec(hash)?.[1];
}

/**
 * sessionStorage without throwing (sandboxed frames have none): reads `key` when `value` is
 * undefined, removes it when null, else writes it. Answers the value read, else null.
 */
export function tabValue(key: string, value?: string | null): string | null {
  try {
    if (value === undefined) return sessionStorage.getItem(key);
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch {
    // No storage: a preview then lasts one page.
  }
  return null;
}

import type { Translations } from './locale.schema.js';

/** `pt-BR` → `['pt-br', 'pt']`: the order in which translations are looked up (lower case). */
export function localeChain(locale: string): string[] {
  const exact = locale.trim().toLowerCase().replace(/_/g, '-');
  const language = exact.split('-')[0] ?? exact;
  return language && language !== exact ? [exact, language] : [exact];
}

/** Right-to-left scripts by language subtag (Arabic, Hebrew, Persian, Urdu, …). */
export function isRtlLocale(locale: string): boolean {
  return /^(ar|arc|ckb|dv|fa|he|iw|ks|ku|ps|sd|ug|ur|yi)(-|$)/i.test(locale.trim());
}

/**
 * The translation of `text` for `locale`: the exact locale first (`pt-BR`), then its language
 * (`pt`), else `text` itself. Locale keys match case-insensitively.
 */
export function translate(
  text: string,
  translations: Translations | undefined,
  locale: string,
): string {
  if (!translations) return text;
  const byLocale = new Map(Object.entries(translations).map(([k, v]) => [k.toLowerCase(), v]));
  for (const key of localeChain(locale)) {
    const found = byLocale.get(key)?.[text];
    if (found !== undefined) return found;
  }
  return text;
}

/** Keys whose string values are shown to people; everything else (ids, URLs, rules) is data. */
const TEXT_KEYS = new Set([
  'text',
  'markdown',
  'alt',
  'label',
  'title',
  'description',
  'prompt',
  'heading',
  'placeholder',
  'lowLabel',
  'highLabel',
]);
/** Subtrees that hold matching data, not copy (a target's `text` is what the page says). */
const SKIP_KEYS = new Set(['target', 'doneWhen', 'when', 'action', 'theme', 'translations']);

/**
 * A copy of a content definition with its visible strings translated for `locale` by its own
 * `translations` (see `translate`). Pure; the input is not modified.
 */
export function localize<T>(definition: T, locale: string): T {
  const translations = (definition as { translations?: Translations }).translations;
  if (!translations) return definition;
  const walk = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') {
      return TEXT_KEYS.has(key) ? translate(value, translations, locale) : value;
    }
    if (Array.isArray(value)) return value.map((item) => walk(item, key));
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SKIP_KEYS.has(k) ? v : walk(v, k)]),
    );
  };
  return walk(definition, '') as T;
}

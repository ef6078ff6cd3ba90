import type { Translations } from '@waymark/shared';
import { CsvError, formatCsv, parseCsv } from './strings-csv';
import type { SourceString } from './source-strings';

/** A BCP 47 tag in its canonical form (`pt-br` → `pt-BR`), or null when it is not one. */
export function canonicalLocale(tag: string): string | null {
  const trimmed = tag.trim().replace(/_/g, '-');
  if (trimmed.length < 2 || trimmed.length > 35) return null;
  try {
    return Intl.getCanonicalLocales(trimmed)[0] ?? null;
  } catch {
    return null;
  }
}

/** The key `translations` already uses for `locale` (keys match case-insensitively), or `locale`. */
export const localeKey = (translations: Translations, locale: string): string =>
  Object.keys(translations).find((k) => k.toLowerCase() === locale.toLowerCase()) ?? locale;

/** `{ locale: { source: translation } }` for every source string; "" where none exists yet. */
export function exportJson(
  strings: readonly SourceString[],
  translations: Translations,
  locales: readonly string[],
): string {
  const out: Record<string, Record<string, string>> = {};
  for (const locale of locales) {
    const table = translations[locale] ?? {};
    out[locale] = Object.fromEntries(strings.map((s) => [s.text, table[s.text] ?? '']));
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** A `source,context,<locale>…` sheet with one row per source string. */
export function exportCsv(
  strings: readonly SourceString[],
  translations: Translations,
  locales: readonly string[],
): string {
  return formatCsv([
    ['source', 'context', ...locales],
    ...strings.map((s) => [
      s.text,
      s.where.join('; '),
      ...locales.map((l) => translations[l]?.[s.text] ?? ''),
    ]),
  ]);
}

export interface ImportReport {
  /** The merged translations to save. */
  translations: Translations;
  /** Translations written (new or changed). */
  imported: number;
  /** Translations equal to what was there. */
  unchanged: number;
  /** Empty cells and values that break the limits, with why. */
  skipped: { count: number; reason: string }[];
  /** Source texts the content does not have (not imported). */
  unknown: string[];
  /** Locale columns or keys that are not BCP 47 tags (not imported). */
  badLocales: string[];
  /** Locales the import added. */
  addedLocales: string[];
}

/** One cell of an import: `translation` of `source` for `locale` (as written in the file). */
interface Cell {
  locale: string;
  source: string;
  translation: string;
}

const MAX_TEXT = 5000;

/** Thrown for a file that cannot be read at all (bad JSON, broken CSV, no `source` column). */
export class ImportError extends Error {
  override readonly name = 'ImportError';
}

function cellsFromJson(text: string): Cell[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ImportError('The file is not valid JSON.');
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ImportError(
      'Expected an object of locales: { "fr": { "Source text": "Traduction" } }.',
    );
  }
  const cells: Cell[] = [];
  for (const [locale, table] of Object.entries(data)) {
    if (table === null || typeof table !== 'object' || Array.isArray(table)) {
      throw new ImportError(`"${locale}" should hold an object of source text → translation.`);
    }
    for (const [source, translation] of Object.entries(table as Record<string, unknown>)) {
      cells.push({
        locale,
        source,
        translation: typeof translation === 'string' ? translation : '',
      });
    }
  }
  return cells;
}

function cellsFromCsv(text: string): Cell[] {
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (error) {
    throw new ImportError(error instanceof CsvError ? error.message : 'The CSV could not be read.');
  }
  const [head, ...body] = rows;
  const sourceAt = head?.findIndex((h) => h.trim().toLowerCase() === 'source') ?? -1;
  if (!head || sourceAt < 0) throw new ImportError('The first row needs a "source" column.');
  const columns = head
    .map((name, index) => ({ name: name.trim(), index }))
    .filter((c) => c.index !== sourceAt && c.name.toLowerCase() !== 'context' && c.name !== '');
  return body.flatMap((row) =>
    columns.map((c) => ({
      locale: c.name,
      source: row[sourceAt] ?? '',
      translation: row[c.index] ?? '',
    })),
  );
}

/**
 * Merges a JSON or CSV file of translations into `current`. Only source texts the content has
 * are taken; empty cells leave the existing translation alone. Throws `ImportError` for a file
 * that cannot be read. Pure.
 */
export function importStrings(
  file: { name: string; text: string },
  strings: readonly SourceString[],
  current: Translations,
): ImportReport {
  const isJson = /\.json$/i.test(file.name) || /^\s*[{[]/.test(file.text);
  const cells = isJson ? cellsFromJson(file.text) : cellsFromCsv(file.text);
  const known = new Set(strings.map((s) => s.text));
  const next: Translations = Object.fromEntries(
    Object.entries(current).map(([locale, table]) => [locale, { ...table }]),
  );
  const report: ImportReport = {
    translations: next,
    imported: 0,
    unchanged: 0,
    skipped: [],
    unknown: [],
    badLocales: [],
    addedLocales: [],
  };
  const skip = new Map<string, number>();
  const unknown = new Set<string>();
  const bad = new Set<string>();

  for (const cell of cells) {
    const locale = canonicalLocale(cell.locale);
    if (!locale) {
      bad.add(cell.locale);
      continue;
    }
    if (!known.has(cell.source)) {
      if (cell.source.trim() !== '' && cell.translation.trim() !== '') unknown.add(cell.source);
      continue;
    }
    if (cell.translation.trim() === '') {
      skip.set('empty', (skip.get('empty') ?? 0) + 1);
      continue;
    }
    if (cell.translation.length > MAX_TEXT) {
      skip.set('longer than 5,000 characters', (skip.get('longer than 5,000 characters') ?? 0) + 1);
      continue;
    }
    const key = localeKey(next, locale);
    if (!next[key]) {
      next[key] = {};
      report.addedLocales.push(key);
    }
    const table = next[key];
    if (table[cell.source] === cell.translation) report.unchanged += 1;
    else {
      table[cell.source] = cell.translation;
      report.imported += 1;
    }
  }
  report.skipped = [...skip].map(([reason, count]) => ({ reason, count }));
  report.unknown = [...unknown];
  report.badLocales = [...bad];
  return report;
}

/** A sentence per part of the report, for the status line after an import. */
export function describeImport(report: ImportReport): string[] {
  const lines = [
    `Imported ${report.imported} translation${report.imported === 1 ? '' : 's'}` +
      (report.unchanged ? ` (${report.unchanged} already up to date).` : '.'),
  ];
  if (report.addedLocales.length) lines.push(`Added locales: ${report.addedLocales.join(', ')}.`);
  for (const s of report.skipped) lines.push(`Skipped ${s.count} (${s.reason}).`);
  if (report.unknown.length) {
    const shown = report.unknown
      .slice(0, 3)
      .map((t) => `“${t.length > 40 ? `${t.slice(0, 39)}…` : t}”`);
    const more = report.unknown.length > 3 ? ` and ${report.unknown.length - 3} more` : '';
    lines.push(
      `${report.unknown.length} source text${report.unknown.length === 1 ? ' is' : 's are'} not in this content and ${report.unknown.length === 1 ? 'was' : 'were'} ignored: ${shown.join(', ')}${more}.`,
    );
  }
  if (report.badLocales.length) {
    lines.push(`Not locale tags, ignored: ${report.badLocales.map((l) => `“${l}”`).join(', ')}.`);
  }
  return lines;
}

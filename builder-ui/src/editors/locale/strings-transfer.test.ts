import { templates, type Translations } from '@waymark/shared';
import { sourceStrings } from './source-strings';
import {
  canonicalLocale,
  describeImport,
  exportCsv,
  exportJson,
  ImportError,
  importStrings,
} from './strings-transfer';

const strings = sourceStrings(templates.announcementBanner.definition);
const news = '**New:** dashboards now update in real time.';

describe('canonicalLocale', () => {
  it('canonicalises BCP 47 tags and refuses the rest', () => {
    expect(canonicalLocale('pt-br')).toBe('pt-BR');
    expect(canonicalLocale('zh_hant_tw')).toBe('zh-Hant-TW');
    expect(canonicalLocale(' fr ')).toBe('fr');
    expect(canonicalLocale('x')).toBeNull();
    expect(canonicalLocale('not a locale')).toBeNull();
  });
});

describe('export and import', () => {
  const current: Translations = {
    fr: { [news]: '**Nouveau :** les tableaux de bord sont en direct.' },
  };

  it('exports every source string per locale, empty where missing, and imports it back unchanged', () => {
    const json = exportJson(strings, current, ['fr', 'ar']);
    const parsed = JSON.parse(json) as Record<string, Record<string, string>>;
    expect(Object.keys(parsed.fr!)).toEqual(strings.map((s) => s.text));
    expect(parsed.ar![news]).toBe('');
    const report = importStrings({ name: 'strings.json', text: json }, strings, current);
    expect(report.imported).toBe(0);
    expect(report.unchanged).toBe(1);
    expect(report.translations).toEqual(current);
  });

  it('round-trips a CSV with quotes, commas, line breaks and unicode', () => {
    const full: Translations = {
      fr: { [news]: 'Nouveau, "vraiment"\nen direct', Close: 'Fermer' },
      ar: { [news]: 'جديد: لوحات المعلومات', Close: 'إغلاق' },
    };
    const csv = exportCsv(strings, full, ['fr', 'ar']);
    expect(csv.split('\r\n')[0]).toBe('source,context,fr,ar');
    const report = importStrings({ name: 'strings.csv', text: csv }, strings, {});
    expect(report.translations).toEqual(full);
    expect(report.imported).toBe(4);
    expect(report.addedLocales).toEqual(['fr', 'ar']);
    expect(report.skipped).toEqual([{ count: strings.length * 2 - 4, reason: 'empty' }]);
  });

  it('reports unknown source texts and bad locale columns, and merges case-insensitively', () => {
    const csv = 'source,FR,not a locale\r\nClose,Fermer,x\r\nNo such text,Rien,y\r\n';
    const report = importStrings({ name: 'x.csv', text: csv }, strings, {
      fr: { Announcement: 'Annonce' },
    });
    expect(report.translations).toEqual({ fr: { Announcement: 'Annonce', Close: 'Fermer' } });
    expect(report.unknown).toEqual(['No such text']);
    expect(report.badLocales).toEqual(['not a locale']);
    expect(report.addedLocales).toEqual([]);
    expect(describeImport(report).join(' ')).toMatch(
      /Imported 1 translation\..*No such text.*not a locale/,
    );
  });

  it('skips translations over the limit and refuses unreadable files', () => {
    const long = 'x'.repeat(5001);
    const report = importStrings(
      { name: 'a.json', text: JSON.stringify({ de: { Close: long } }) },
      strings,
      {},
    );
    expect(report.imported).toBe(0);
    expect(report.skipped).toEqual([{ count: 1, reason: 'longer than 5,000 characters' }]);
    expect(() => importStrings({ name: 'a.json', text: '{oops' }, strings, {})).toThrow(
      ImportError,
    );
    expect(() => importStrings({ name: 'a.json', text: '{"fr": "x"}' }, strings, {})).toThrow(
      /should hold an object/,
    );
    expect(() => importStrings({ name: 'a.csv', text: 'fr,de\nx,y\n' }, strings, {})).toThrow(
      /"source" column/,
    );
    expect(() => importStrings({ name: 'a.csv', text: 'source,fr\n"open' }, strings, {})).toThrow(
      ImportError,
    );
  });
});

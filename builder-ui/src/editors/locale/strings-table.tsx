import { isRtlLocale } from '@waymark/shared';
import type { SourceString } from './source-strings';

interface StringsTableProps {
  locale: string;
  strings: readonly SourceString[];
  /** This locale's translations, by source text. */
  table: Readonly<Record<string, string>>;
  onChange: (source: string, translation: string) => void;
  onlyMissing: boolean;
  readOnly: boolean;
}

/** Source text beside its translation; a missing one is marked. RTL locales edit right-to-left. */
export function StringsTable({
  locale,
  strings,
  table,
  onChange,
  onlyMissing,
  readOnly,
}: StringsTableProps) {
  const rtl = isRtlLocale(locale);
  const rows = strings
    .map((s, index) => ({ s, index }))
    .filter(({ s }) => !onlyMissing || !table[s.text]);
  if (rows.length === 0) {
    return <p class="muted strings-empty">Every text has a translation for {locale}.</p>;
  }
  return (
    <div class="table-card">
      <table class="table strings-table">
        <thead>
          <tr>
            <th scope="col">Source text</th>
            <th scope="col">Translation ({locale})</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ s, index }) => {
            const id = `string-${index}`;
            const value = table[s.text] ?? '';
            const missing = value === '';
            // Textareas always: a translation may hold line breaks its source does not.
            const lines = Math.max(s.text.split('\n').length, value.split('\n').length);
            const height = Math.min(
              6,
              Math.max(lines, Math.ceil(Math.max(s.text.length, value.length) / 48)),
            );
            return (
              <tr key={s.text} class={missing ? 'is-missing' : undefined}>
                <td class="strings-source">
                  <span id={`${id}-source`} class="strings-text" lang="en">
                    {s.text}
                  </span>
                  <span class="strings-where">{s.where.join(' · ')}</span>
                </td>
                <td class="strings-translation">
                  <textarea
                    id={id}
                    class="edit-input strings-input"
                    rows={height}
                    lang={locale}
                    dir={rtl ? 'rtl' : 'ltr'}
                    value={value}
                    disabled={readOnly}
                    aria-labelledby={`${id}-source`}
                    aria-describedby={missing ? `${id}-missing` : undefined}
                    onInput={(event) => onChange(s.text, event.currentTarget.value)}
                  />
                  {missing && (
                    <span class="strings-missing" id={`${id}-missing`}>
                      Missing
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

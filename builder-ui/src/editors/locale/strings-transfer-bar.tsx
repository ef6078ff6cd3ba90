import type { Translations } from '@waymark/shared';
import { useRef, useState } from 'preact/hooks';
import { downloadText } from './download';
import type { SourceString } from './source-strings';
import {
  describeImport,
  exportCsv,
  exportJson,
  ImportError,
  importStrings,
} from './strings-transfer';

interface StringsTransferBarProps {
  /** File names start with it: "welcome-tour" → welcome-tour.strings.csv. */
  baseName: string;
  strings: readonly SourceString[];
  translations: Translations;
  locales: readonly string[];
  onImport: (translations: Translations) => void;
  readOnly: boolean;
}

type Outcome = { ok: true; lines: string[] } | { ok: false; message: string };

/** Export every locale as JSON or CSV; import a file back, reporting what was taken and what not. */
export function StringsTransferBar(props: StringsTransferBarProps) {
  const { baseName, strings, translations, locales, onImport, readOnly } = props;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const read = async (file: File) => {
    try {
      const text = await file.text();
      const report = importStrings({ name: file.name, text }, strings, translations);
      if (report.imported > 0 || report.addedLocales.length > 0) onImport(report.translations);
      setOutcome({ ok: true, lines: [`${file.name}:`, ...describeImport(report)] });
    } catch (error) {
      const message = error instanceof ImportError ? error.message : 'The file could not be read.';
      setOutcome({ ok: false, message: `${file.name}: ${message}` });
    }
  };

  return (
    <div class="strings-transfer">
      <div class="strings-transfer-buttons">
        <button
          type="button"
          class="button button-small"
          disabled={locales.length === 0}
          onClick={() =>
            downloadText(
              `${baseName}.strings.json`,
              exportJson(strings, translations, locales),
              'application/json',
            )
          }
        >
          Export JSON
        </button>
        <button
          type="button"
          class="button button-small"
          disabled={locales.length === 0}
          onClick={() =>
            downloadText(
              `${baseName}.strings.csv`,
              `\uFEFF${exportCsv(strings, translations, locales)}`,
              'text/csv;charset=utf-8',
            )
          }
        >
          Export CSV
        </button>
        {!readOnly && (
          <>
            <button
              type="button"
              class="button button-small"
              onClick={() => input.current?.click()}
            >
              Import JSON or CSV…
            </button>
            <input
              ref={input}
              id="strings-import-file"
              hidden
              type="file"
              aria-label="Translations file"
              accept=".json,.csv,application/json,text/csv"
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                if (file) void read(file);
                // Let the same file be picked again after editing it.
                if (input.current) input.current.value = '';
              }}
            />
          </>
        )}
      </div>
      <div role="status" aria-live="polite" class="strings-report-region">
        {outcome?.ok === true && (
          <ul class="strings-report">
            {outcome.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
        {outcome?.ok === false && <p class="field-error">{outcome.message}</p>}
      </div>
    </div>
  );
}

import { isRtlLocale, type ContentDefinition, type Translations } from '@waymark/shared';
import { useMemo, useState } from 'preact/hooks';
import { CheckboxField } from '../../components/edit-fields';
import { localeName } from './download';
import { LocaleTabs } from './locale-tabs';
import { sourceStrings } from './source-strings';
import { StringsTable } from './strings-table';
import { StringsTransferBar } from './strings-transfer-bar';
import { canonicalLocale, localeKey } from './strings-transfer';

export interface TranslationsEditorProps {
  definition: ContentDefinition;
  onChange: (next: ContentDefinition) => void;
  readOnly: boolean;
}

const withTranslations = (definition: ContentDefinition, translations: Translations) => {
  const { translations: _old, ...rest } = definition;
  return (Object.keys(translations).length ? { ...rest, translations } : rest) as ContentDefinition;
};

/**
 * Locale tabs over every translatable text of the definition (and the widget's own labels), with
 * missing markers and counts, JSON/CSV export and import. Translations are keyed by source text.
 */
export function TranslationsEditor({ definition, onChange, readOnly }: TranslationsEditorProps) {
  const translations = definition.translations ?? {};
  const locales = Object.keys(translations);
  const strings = useMemo(() => sourceStrings(definition), [definition]);
  const [chosen, setChosen] = useState<string | null>(locales[0] ?? null);
  const active = chosen && locales.includes(chosen) ? chosen : (locales[0] ?? null);
  const [newTag, setNewTag] = useState('');
  const [tagError, setTagError] = useState<string | undefined>();
  const [onlyMissing, setOnlyMissing] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);

  const missing = Object.fromEntries(
    locales.map((l) => [l, strings.filter((s) => !translations[l]?.[s.text]).length]),
  );
  const known = new Set(strings.map((s) => s.text));
  const unused = locales.reduce(
    (sum, l) => sum + Object.keys(translations[l] ?? {}).filter((t) => !known.has(t)).length,
    0,
  );

  const save = (next: Translations) => onChange(withTranslations(definition, next));
  const addLocale = () => {
    const tag = canonicalLocale(newTag);
    if (!tag) {
      setTagError('Enter a BCP 47 language tag, such as fr, pt-BR or ar.');
      return;
    }
    const existing = localeKey(translations, tag);
    if (translations[existing]) {
      setTagError(`${existing} is already there.`);
      return;
    }
    save({ ...translations, [tag]: {} });
    setChosen(tag);
    setNewTag('');
    setTagError(undefined);
  };
  const setString = (locale: string, source: string, value: string) => {
    const table = { ...translations[locale] };
    if (value === '') delete table[source];
    else table[source] = value;
    save({ ...translations, [locale]: table });
  };

  return (
    <div class="translations-editor">
      <div class="translations-head">
        <form
          class="locale-add"
          onSubmit={(event) => {
            event.preventDefault();
            addLocale();
          }}
        >
          <div class="field edit-field">
            <label for="locale-add-tag">Add a locale</label>
            <div class="locale-add-row">
              <input
                id="locale-add-tag"
                value={newTag}
                placeholder="fr, de, pt-BR, ar…"
                disabled={readOnly}
                spellcheck={false}
                aria-invalid={tagError ? 'true' : undefined}
                aria-describedby={tagError ? 'locale-add-error' : 'locale-add-hint'}
                onInput={(event) => {
                  setNewTag(event.currentTarget.value);
                  setTagError(undefined);
                }}
              />
              <button type="submit" class="button" disabled={readOnly || !newTag.trim()}>
                Add locale
              </button>
            </div>
            {tagError ? (
              <p class="field-error" id="locale-add-error">
                {tagError}
              </p>
            ) : (
              <p class="edit-hint" id="locale-add-hint">
                People whose locale has no translation see the source text.
              </p>
            )}
          </div>
        </form>
        <StringsTransferBar
          baseName={`waymark-${definition.kind}`}
          strings={strings}
          translations={translations}
          locales={locales}
          readOnly={readOnly}
          onImport={save}
        />
      </div>

      {active === null ? (
        <p class="empty-state translations-empty">
          No locales yet. Add one to translate the {strings.length} texts of this content.
        </p>
      ) : (
        <>
          <LocaleTabs
            locales={locales}
            active={active}
            missing={missing}
            panelId="locale-panel"
            onActivate={(locale) => {
              setChosen(locale);
              setConfirmRemove(false);
            }}
          />
          <div
            id="locale-panel"
            role="tabpanel"
            class="locale-panel"
            aria-labelledby={`locale-tab-${active}`}
          >
            <div class="locale-panel-head">
              <p class="locale-summary" lang="en">
                <strong>{localeName(active)}</strong>
                {isRtlLocale(active) ? ' · right-to-left' : ''} ·{' '}
                {missing[active]
                  ? `${missing[active]} of ${strings.length} missing`
                  : `all ${strings.length} translated`}
              </p>
              <CheckboxField
                id="locale-only-missing"
                label="Only missing"
                checked={onlyMissing}
                onChange={setOnlyMissing}
              />
              {!readOnly &&
                (confirmRemove ? (
                  <span class="locale-remove-confirm">
                    <button
                      type="button"
                      class="button button-small button-danger"
                      onClick={() => {
                        const { [active]: _gone, ...rest } = translations;
                        save(rest);
                        setConfirmRemove(false);
                      }}
                    >
                      Remove {active} and its translations
                    </button>
                    <button
                      type="button"
                      class="button button-ghost button-small"
                      onClick={() => setConfirmRemove(false)}
                    >
                      Keep
                    </button>
                  </span>
                ) : (
                  <button
                    type="button"
                    class="button button-ghost button-small"
                    onClick={() => setConfirmRemove(true)}
                  >
                    Remove locale
                  </button>
                ))}
            </div>
            <StringsTable
              locale={active}
              strings={strings}
              table={translations[active] ?? {}}
              onlyMissing={onlyMissing}
              readOnly={readOnly}
              onChange={(source, value) => setString(active, source, value)}
            />
          </div>
          {unused > 0 && (
            <p class="edit-hint translations-unused">
              {unused} translation{unused === 1 ? ' is' : 's are'} for texts this content no longer
              has.{' '}
              {!readOnly && (
                <button
                  type="button"
                  class="button button-ghost button-small"
                  onClick={() =>
                    save(
                      Object.fromEntries(
                        locales.map((l) => [
                          l,
                          Object.fromEntries(
                            Object.entries(translations[l] ?? {}).filter(([t]) => known.has(t)),
                          ),
                        ]),
                      ),
                    )
                  }
                >
                  Remove unused
                </button>
              )}
            </p>
          )}
        </>
      )}
    </div>
  );
}

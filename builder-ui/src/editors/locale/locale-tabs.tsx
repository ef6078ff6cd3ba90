import type { TargetedKeyboardEvent } from 'preact';
import { useRef } from 'preact/hooks';
import { tabKeyTarget } from '../../components/tab-keys';
import { localeName } from './download';

interface LocaleTabsProps {
  locales: readonly string[];
  active: string | null;
  onActivate: (locale: string) => void;
  /** Missing translations per locale. */
  missing: Readonly<Record<string, number>>;
  /** Id of the panel the tabs control. */
  panelId: string;
}

/** One tab per locale with its missing count; ←/→/Home/End move between tabs (ARIA tabs). */
export function LocaleTabs({ locales, active, onActivate, missing, panelId }: LocaleTabsProps) {
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (index: number) => (event: TargetedKeyboardEvent<HTMLButtonElement>) => {
    const to = tabKeyTarget(event.key, index, locales.length);
    if (to === null) return;
    event.preventDefault();
    onActivate(locales[to]!);
    tabs.current[to]?.focus();
  };
  return (
    <div class="locale-tabs" role="tablist" aria-label="Locales">
      {locales.map((locale, index) => {
        const count = missing[locale] ?? 0;
        const selected = locale === active;
        return (
          <button
            key={locale}
            type="button"
            role="tab"
            id={`locale-tab-${locale}`}
            class="locale-tab"
            aria-selected={selected ? 'true' : 'false'}
            aria-controls={selected ? panelId : undefined}
            tabIndex={selected ? 0 : -1}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            onKeyDown={onKey(index)}
            onClick={() => onActivate(locale)}
          >
            <span class="locale-tab-tag">{locale}</span>
            <span class="locale-tab-name">{localeName(locale)}</span>
            {count > 0 ? (
              <span class="locale-missing-count">
                {count}
                <span class="visually-hidden"> missing</span>
              </span>
            ) : (
              <span class="locale-complete">
                <span aria-hidden="true">✓</span>
                <span class="visually-hidden"> complete</span>
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}

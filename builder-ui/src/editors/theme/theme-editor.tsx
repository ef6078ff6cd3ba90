import type { FieldIssue, Theme } from '@waymark/shared';
import { ThemeSchema } from '@waymark/shared';
import { useEffect, useState } from 'preact/hooks';
import { NumberInput } from '../../components/edit-fields';
import { issueAt } from '../editor-props';
import { ColorField } from './color-field';
import { contrastChecks, resolveTheme } from './theme-colors';
import { ThemeSample } from './theme-sample';

interface ThemeEditorProps {
  idPrefix: string;
  /** The fields set here; unset ones inherit from `base`. */
  theme: Theme;
  onChange: (theme: Theme) => void;
  /** What unset fields fall back to (a shared theme over the defaults). */
  base?: Theme;
  /** Issues with paths relative to the theme (`accent`, `radius`). */
  issues?: readonly FieldIssue[];
  readOnly: boolean;
}

const FONTS = [
  'system-ui, sans-serif',
  "Inter, 'Helvetica Neue', Arial, sans-serif",
  'Georgia, serif',
  "'Trebuchet MS', sans-serif",
  'ui-monospace, monospace',
];

const COLORS: readonly { key: 'accent' | 'accentText' | 'background' | 'text'; label: string }[] = [
  { key: 'accent', label: 'Accent (buttons, links, progress)' },
  { key: 'accentText', label: 'Text on accent' },
  { key: 'background', label: 'Background' },
  { key: 'text', label: 'Text' },
];

/** Sets `key` on a copy of the theme, or removes it when `value` is undefined. */
function withValue<K extends keyof Theme>(
  theme: Theme,
  key: K,
  value: Theme[K] | undefined,
): Theme {
  const next = { ...theme };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** Colours with a WCAG AA contrast check, corner radius and font, beside a small sample. */
export function ThemeEditor(props: ThemeEditorProps) {
  const { idPrefix, theme, onChange, issues = [], readOnly } = props;
  const base = resolveTheme(props.base);
  const effective = resolveTheme(base, theme);
  const checks = contrastChecks(effective);
  const [font, setFont] = useState(theme.font ?? '');
  useEffect(() => setFont(theme.font ?? ''), [theme.font]);
  const fontError =
    font.trim() && !ThemeSchema.shape.font.safeParse(font.trim()).success
      ? 'Letters, digits, spaces, commas, quotes and hyphens only.'
      : issueAt(issues, 'font');

  return (
    <div class="theme-editor">
      <div class="theme-fields">
        <div class="theme-colors">
          {COLORS.map(({ key, label }) => (
            <ColorField
              key={key}
              id={`${idPrefix}-${key}`}
              label={label}
              value={theme[key]}
              inherited={base[key]}
              error={issueAt(issues, key)}
              readOnly={readOnly}
              onChange={(value) => onChange(withValue(theme, key, value))}
            />
          ))}
        </div>
        <ul class="contrast-checks" aria-label="Contrast (WCAG AA needs 4.5:1)">
          {checks.map((check) => (
            <li key={check.pair} class={check.ok ? 'contrast-ok' : 'contrast-low'}>
              <span aria-hidden="true">{check.ok ? '✓ ' : '⚠ '}</span>
              {check.pair}: {check.ratio.toFixed(1)}:1
              {check.ok ? ' — passes AA' : ' — below AA (4.5:1): hard to read for many people'}
            </li>
          ))}
        </ul>
        <div class="edit-row">
          <NumberInput
            id={`${idPrefix}-radius`}
            label="Corner radius (px)"
            hint={theme.radius === undefined ? `Inherited: ${base.radius}` : '0–32'}
            value={theme.radius}
            min={0}
            max={32}
            error={issueAt(issues, 'radius')}
            disabled={readOnly}
            onChange={(value) =>
              onChange(
                withValue(
                  theme,
                  'radius',
                  value === undefined ? undefined : Math.round(Math.min(32, Math.max(0, value))),
                ),
              )
            }
          />
          <div class="field edit-field">
            <label for={`${idPrefix}-font`}>Font</label>
            <input
              id={`${idPrefix}-font`}
              list={`${idPrefix}-fonts`}
              value={font}
              placeholder={base.font}
              maxLength={200}
              spellcheck={false}
              disabled={readOnly}
              aria-invalid={fontError ? 'true' : undefined}
              aria-describedby={fontError ? `${idPrefix}-font-error` : undefined}
              onInput={(event) => {
                const text = event.currentTarget.value;
                setFont(text);
                if (!text.trim()) onChange(withValue(theme, 'font', undefined));
                else if (ThemeSchema.shape.font.safeParse(text.trim()).success) {
                  onChange(withValue(theme, 'font', text.trim()));
                }
              }}
            />
            <datalist id={`${idPrefix}-fonts`}>
              {FONTS.map((f) => (
                <option key={f} value={f} />
              ))}
            </datalist>
            {fontError && (
              <p class="field-error" id={`${idPrefix}-font-error`}>
                {fontError}
              </p>
            )}
          </div>
        </div>
      </div>
      <ThemeSample theme={effective} />
    </div>
  );
}

import { ThemeSchema } from '@waymark/shared';
import { useEffect, useState } from 'preact/hooks';
import { toHex } from './theme-colors';

interface ColorFieldProps {
  id: string;
  label: string;
  /** Undefined: inherited. */
  value: string | undefined;
  /** What shows when unset (the shared theme's or the widget's default). */
  inherited: string;
  onChange: (value: string | undefined) => void;
  error?: string | undefined;
  readOnly: boolean;
}

const valid = (text: string) => ThemeSchema.shape.accent.safeParse(text).success;

/** A colour as a swatch picker plus its CSS text (hex, rgb(), hsl()); empty inherits. */
export function ColorField({
  id,
  label,
  value,
  inherited,
  onChange,
  error,
  readOnly,
}: ColorFieldProps) {
  const [draft, setDraft] = useState(value ?? '');
  useEffect(() => setDraft(value ?? ''), [value]);
  const local =
    draft !== '' && !valid(draft) ? 'A hex, rgb() or hsl() colour, like #4f46e5.' : undefined;
  const message = local ?? error;
  const shown = value ?? inherited;
  return (
    <div class="field edit-field color-field">
      <label for={id}>{label}</label>
      <div class="color-row">
        <input
          type="color"
          class="color-swatch"
          aria-label={`${label}: pick a colour`}
          value={toHex(shown) ?? '#000000'}
          disabled={readOnly}
          onInput={(event) => onChange(event.currentTarget.value)}
        />
        <input
          id={id}
          class="edit-input color-text"
          value={draft}
          placeholder={inherited}
          spellcheck={false}
          maxLength={40}
          disabled={readOnly}
          aria-invalid={message ? 'true' : undefined}
          aria-describedby={message ? `${id}-error` : `${id}-hint`}
          onInput={(event) => {
            const text = event.currentTarget.value.trim();
            setDraft(event.currentTarget.value);
            if (text === '') onChange(undefined);
            else if (valid(text)) onChange(text);
          }}
        />
        {value !== undefined && !readOnly && (
          <button
            type="button"
            class="button button-ghost button-small"
            aria-label={`Reset ${label}`}
            onClick={() => onChange(undefined)}
          >
            Reset
          </button>
        )}
      </div>
      {message ? (
        <p class="field-error" id={`${id}-error`}>
          {message}
        </p>
      ) : (
        <p class="edit-hint" id={`${id}-hint`}>
          {value === undefined ? `Inherited: ${inherited}` : 'Set here.'}
        </p>
      )}
    </div>
  );
}

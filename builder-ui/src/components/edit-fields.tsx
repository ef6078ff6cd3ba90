import type { ComponentChildren } from 'preact';

/** What every labelled editor field takes. */
interface FieldBase {
  id: string;
  label: string;
  /** A server (or local) problem with this field, shown under it. */
  error?: string | undefined;
  /** A short help line under the field. */
  hint?: string | undefined;
  disabled?: boolean | undefined;
  onFocus?: (() => void) | undefined;
}

const describedBy = (id: string, error?: string, hint?: string): string | undefined =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

function FieldFrame(props: FieldBase & { children: ComponentChildren; class?: string }) {
  const { id, label, error, hint, children } = props;
  return (
    <div class={`field edit-field${props.class ? ` ${props.class}` : ''}`}>
      <label for={id}>{label}</label>
      {children}
      {hint && (
        <p class="edit-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

interface TextProps extends FieldBase {
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  maxLength?: number;
  placeholder?: string;
  type?: 'text' | 'url';
  dir?: 'ltr' | 'rtl' | 'auto';
}

/** A one-line text input with its label and error. */
export function TextInput(props: TextProps) {
  const { id, value, onChange, error, hint, disabled, onFocus } = props;
  return (
    <FieldFrame {...props}>
      <input
        id={id}
        type="text"
        inputMode={props.type === 'url' ? 'url' : undefined}
        spellcheck={props.type === 'url' ? false : undefined}
        value={value}
        required={props.required}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        dir={props.dir}
        disabled={disabled}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onFocus={onFocus}
        onInput={(event) => onChange(event.currentTarget.value)}
      />
    </FieldFrame>
  );
}

/** A multi-line text input. */
export function TextArea(props: TextProps & { rows?: number }) {
  const { id, value, onChange, error, hint, disabled, onFocus } = props;
  return (
    <FieldFrame {...props}>
      <textarea
        id={id}
        value={value}
        rows={props.rows ?? 3}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        dir={props.dir}
        disabled={disabled}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onFocus={onFocus}
        onInput={(event) => onChange(event.currentTarget.value)}
      />
    </FieldFrame>
  );
}

interface NumberProps extends FieldBase {
  /** Undefined: empty. */
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  min?: number;
  max?: number;
  step?: number;
}

/** A number input; an empty box yields `undefined`. */
export function NumberInput(props: NumberProps) {
  const { id, value, onChange, error, hint, disabled, onFocus } = props;
  return (
    <FieldFrame {...props}>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        value={value ?? ''}
        min={props.min}
        max={props.max}
        step={props.step ?? 1}
        disabled={disabled}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onFocus={onFocus}
        onInput={(event) => {
          const text = event.currentTarget.value;
          const number = Number(text);
          onChange(text === '' || !Number.isFinite(number) ? undefined : number);
        }}
      />
    </FieldFrame>
  );
}

interface SelectProps<V extends string> extends FieldBase {
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
}

/** A labelled `<select>` over a fixed set of string values. */
export function SelectField<V extends string>(props: SelectProps<V>) {
  const { id, value, options, onChange, error, hint, disabled, onFocus } = props;
  return (
    <FieldFrame {...props}>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onFocus={onFocus}
        onChange={(event) => onChange(event.currentTarget.value as V)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

interface CheckboxProps {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string | undefined;
  disabled?: boolean | undefined;
  onFocus?: (() => void) | undefined;
}

/** A checkbox with its label to the right. */
export function CheckboxField(props: CheckboxProps) {
  const { id, label, checked, onChange, hint, disabled, onFocus } = props;
  return (
    <div class="edit-check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onFocus={onFocus}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <label for={id}>{label}</label>
      {hint && (
        <p class="edit-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

/** A group of fields under a visible legend. */
export function FieldGroup(props: { legend: string; children: ComponentChildren; class?: string }) {
  return (
    <fieldset class={`edit-group${props.class ? ` ${props.class}` : ''}`}>
      <legend>{props.legend}</legend>
      {props.children}
    </fieldset>
  );
}

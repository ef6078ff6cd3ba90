import type { ComponentChildren, InputHTMLAttributes, Ref, TargetedInputEvent } from 'preact';

interface InputFieldProps {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'url' | 'search' | 'number';
  autoComplete?: string;
  placeholder?: string;
  /** A short help line under the input. */
  hint?: ComponentChildren;
  /** A problem with this field (local or from the server), shown and announced with it. */
  error?: string | undefined;
  disabled?: boolean;
  readOnly?: boolean;
  required?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled one-line input with its hint and error, for forms outside the editors. */
export function InputField(props: InputFieldProps) {
  const { id, label, value, onValue, type = 'text', hint, error } = props;
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  // One object, undefined values dropped: Preact types <input> as a union keyed on `type`.
  const attributes = Object.fromEntries(
    Object.entries({
      id,
      name: id,
      type,
      value,
      autoComplete: props.autoComplete,
      placeholder: props.placeholder,
      disabled: props.disabled,
      readOnly: props.readOnly,
      required: props.required,
      ref: props.inputRef,
      'aria-invalid': error ? 'true' : undefined,
      'aria-describedby': described.length ? described.join(' ') : undefined,
      onInput: (event: TargetedInputEvent<HTMLInputElement>) => onValue(event.currentTarget.value),
    }).filter(([, v]) => v !== undefined),
  );
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input {...(attributes as InputHTMLAttributes<HTMLInputElement>)} />
      {hint && (
        <p class="field-hint" id={`${id}-hint`}>
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

/** Server field issues keyed by the last segment of their path (`body.email` → `email`). */
export function issuesByField(issues: ReadonlyArray<{ path: string; message: string }>) {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.split('.').at(-1) ?? issue.path;
    out[key] ??= issue.message;
  }
  return out;
}

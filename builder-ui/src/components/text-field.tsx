import type { Ref, TargetedInputEvent } from 'preact';

interface TextFieldProps {
  id: string;
  label: string;
  type: 'email' | 'password';
  value: string;
  autoComplete: string;
  error: string | undefined;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  onValue: (value: string) => void;
}

/** A labelled input whose error sits under it and is announced with it. */
export function TextField(props: TextFieldProps) {
  const {
    id,
    label,
    type,
    value,
    autoComplete,
    error,
    disabled = false,
    inputRef,
    onValue,
  } = props;
  const errorId = `${id}-error`;
  const attributes = {
    id,
    name: id,
    value,
    autoComplete,
    disabled,
    ref: inputRef ?? null,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': error ? errorId : undefined,
    onInput: (event: TargetedInputEvent<HTMLInputElement>) => onValue(event.currentTarget.value),
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {/* Two literal branches: Preact types <input> as a union keyed on a literal `type`. */}
      {type === 'password' ? (
        <input type="password" {...attributes} />
      ) : (
        <input type="email" {...attributes} />
      )}
      {error && (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

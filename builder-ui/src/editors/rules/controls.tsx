import type { ComponentChildren } from 'preact';

/** A small labelled control of a rule row: the label above, the control below. */
export function Control(props: {
  label: string;
  id: string;
  children: ComponentChildren;
  wide?: boolean;
}) {
  return (
    <div class={`rule-control${props.wide ? ' rule-control-wide' : ''}`}>
      <label for={props.id} class="rule-control-label">
        {props.label}
      </label>
      {props.children}
    </div>
  );
}

interface SelectProps<T extends string> {
  id: string;
  label: string;
  value: T;
  options: ReadonlyArray<{ value: T; label: string }>;
  onChange: (value: T) => void;
  disabled: boolean;
  /** Shown first when `value` is none of the options ("Choose a segment…"). */
  placeholder?: string;
  invalid?: boolean;
}

export function Select<T extends string>(props: SelectProps<T>) {
  const known = props.options.some((o) => o.value === props.value);
  return (
    <Control label={props.label} id={props.id}>
      <select
        id={props.id}
        class="rule-input"
        value={props.value}
        disabled={props.disabled}
        aria-invalid={props.invalid ? 'true' : undefined}
        onChange={(event) => props.onChange(event.currentTarget.value as T)}
      >
        {!known && <option value={props.value}>{props.placeholder ?? props.value}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Control>
  );
}

interface TextProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  disabled: boolean;
  type?: 'text' | 'number' | 'date' | 'datetime-local';
  placeholder?: string;
  invalid?: boolean;
  wide?: boolean;
  list?: string;
  min?: number;
  max?: number;
}

export function TextInput(props: TextProps) {
  return (
    <Control label={props.label} id={props.id} wide={props.wide ?? false}>
      <input
        id={props.id}
        class="rule-input"
        type={props.type ?? 'text'}
        value={props.value}
        placeholder={props.placeholder}
        disabled={props.disabled}
        list={props.list}
        min={props.min}
        max={props.max}
        aria-invalid={props.invalid ? 'true' : undefined}
        onInput={(event) => props.onChange(event.currentTarget.value)}
      />
    </Control>
  );
}

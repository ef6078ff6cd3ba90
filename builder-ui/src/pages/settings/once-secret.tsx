import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { CopyButton } from '../../components/copy-button';

interface OnceSecretProps {
  /** What the value is: "Secret key of production". */
  label: string;
  value: string;
  /** Why it is shown once and what to do with it. */
  children: ComponentChildren;
  onDismiss: () => void;
  /** A secret (warning colours) rather than a shareable link. */
  secret?: boolean;
}

/** A value the server shows only once: read-only, selectable, copyable, with its warning. */
export function OnceSecret({ label, value, children, onDismiss, secret }: OnceSecretProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [value]);
  const id = `once-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div
      class={`once-secret${secret ? ' once-secret-warning' : ''}`}
      role="region"
      aria-labelledby={`${id}-label`}
      tabIndex={-1}
      ref={ref}
    >
      <p class="once-secret-label" id={`${id}-label`}>
        {label}
      </p>
      <div class="once-secret-row">
        <input
          class="once-secret-value"
          id={id}
          aria-labelledby={`${id}-label`}
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
        />
        <CopyButton text={value} label={`Copy ${label}`} />
      </div>
      <p class="once-secret-note">{children}</p>
      <button type="button" class="button button-small" onClick={onDismiss}>
        Done, hide it
      </button>
    </div>
  );
}

import type { ElementTarget, FieldIssue } from '@waymark/shared';

export interface TargetFieldProps {
  /** Used for ids and the label: "Target element". */
  id: string;
  label: string;
  value: ElementTarget | undefined;
  onChange: (target: ElementTarget | undefined) => void;
  /** The customer's app, opened in builder mode for picking. */
  appUrl: string;
  issues?: readonly FieldIssue[];
  readOnly: boolean;
}

/** Placeholder (H1): the fingerprint summary, "Pick on page", uniqueness and fragility warnings. */
export function TargetField({ id, label, value, onChange, readOnly }: TargetFieldProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        value={value?.selector ?? ''}
        disabled={readOnly}
        onInput={(event) => {
          const selector = event.currentTarget.value;
          onChange(selector ? { attributes: {}, selector } : undefined);
        }}
      />
    </div>
  );
}

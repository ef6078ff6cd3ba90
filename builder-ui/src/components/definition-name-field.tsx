interface DefinitionNameFieldProps {
  id: string;
  value: string;
  onValue: (name: string) => void;
  /** The problem with the name (local or from the server), shown under it. */
  error: string | undefined;
  disabled: boolean;
}

/** The "Name" box of the goal and journey editors. */
export function DefinitionNameField({
  id,
  value,
  onValue,
  error,
  disabled,
}: DefinitionNameFieldProps) {
  return (
    <div class="field">
      <label for={id}>Name</label>
      <input
        id={id}
        value={value}
        disabled={disabled}
        aria-invalid={error ? 'true' : undefined}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
      {error && <p class="field-error">{error}</p>}
    </div>
  );
}

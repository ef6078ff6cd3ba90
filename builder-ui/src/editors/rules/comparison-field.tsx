import type { ComparisonOp } from '@waymark/shared';
import { COMPARISON_OPS } from './condition-types';
import { Select, TextInput } from './controls';
import {
  comparisonTakesDate,
  comparisonTakesDays,
  comparisonTakesList,
  comparisonTakesValue,
  type ComparisonDraft,
  type ValueKind,
} from './rule-form';

interface ComparisonFieldProps {
  id: string;
  value: ComparisonDraft;
  onChange: (value: ComparisonDraft) => void;
  disabled: boolean;
  /** Restricts the operators (survey answers are numbers or text). */
  ops?: readonly ComparisonOp[];
  invalid?: boolean;
}

const KINDS: ReadonlyArray<{ value: ValueKind; label: string }> = [
  { value: 'text', label: 'Text' },
  { value: 'number', label: 'Number' },
  { value: 'boolean', label: 'True / false' },
];

/** Operator, value type and value of one comparison (trait, property, answer). */
export function ComparisonField({
  id,
  value,
  onChange,
  disabled,
  ops,
  invalid,
}: ComparisonFieldProps) {
  const options = COMPARISON_OPS.filter((o) => !ops || ops.includes(o.op)).map((o) => ({
    value: o.op,
    label: o.label,
  }));
  const setOp = (op: ComparisonOp) => {
    const kind: ValueKind = ['gt', 'gte', 'lt', 'lte'].includes(op) ? 'number' : value.kind;
    onChange({ ...value, op, kind });
  };
  const scalar =
    comparisonTakesValue(value.op) &&
    !comparisonTakesDays(value.op) &&
    !comparisonTakesDate(value.op);
  return (
    <>
      <Select
        id={`${id}-op`}
        label="Operator"
        value={value.op}
        options={options}
        onChange={setOp}
        disabled={disabled}
      />
      {scalar && (
        <Select
          id={`${id}-kind`}
          label="Value type"
          value={value.kind}
          options={KINDS}
          onChange={(kind) => onChange({ ...value, kind })}
          disabled={disabled}
        />
      )}
      {scalar && value.kind === 'boolean' && !comparisonTakesList(value.op) && (
        <Select
          id={`${id}-value`}
          label="Value"
          value={value.text === 'true' ? 'true' : 'false'}
          options={[
            { value: 'true', label: 'true' },
            { value: 'false', label: 'false' },
          ]}
          onChange={(text) => onChange({ ...value, text })}
          disabled={disabled}
        />
      )}
      {scalar && (value.kind !== 'boolean' || comparisonTakesList(value.op)) && (
        <TextInput
          id={`${id}-value`}
          label={comparisonTakesList(value.op) ? 'Values (comma-separated)' : 'Value'}
          type={value.kind === 'number' && !comparisonTakesList(value.op) ? 'number' : 'text'}
          value={value.text}
          onChange={(text) => onChange({ ...value, text })}
          disabled={disabled}
          invalid={invalid ?? false}
          wide={comparisonTakesList(value.op)}
        />
      )}
      {comparisonTakesDays(value.op) && (
        <TextInput
          id={`${id}-value`}
          label="Days"
          type="number"
          min={1}
          value={value.text}
          onChange={(text) => onChange({ ...value, text })}
          disabled={disabled}
          invalid={invalid ?? false}
        />
      )}
      {comparisonTakesDate(value.op) && (
        <TextInput
          id={`${id}-value`}
          label="Date"
          type="date"
          value={value.text.slice(0, 10)}
          onChange={(text) => onChange({ ...value, text })}
          disabled={disabled}
          invalid={invalid ?? false}
        />
      )}
    </>
  );
}

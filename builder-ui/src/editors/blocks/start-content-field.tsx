import type { ContentSummary } from '@waymark/shared';
import { SelectField, TextInput } from '../../components/edit-fields';
import { useContentChoices } from './content-choices';

interface StartContentFieldProps {
  id: string;
  /** The chosen content id; empty while none is. */
  value: string;
  error: string | undefined;
  readOnly: boolean;
  onChange: (contentId: string) => void;
  /** How an item reads in the list. */
  optionLabel: (item: ContentSummary) => string;
  /** The list's message while nothing is chosen; a server error comes first. */
  unchosenError?: string;
  /** Marks the id box required (shown while the list is not in). */
  required?: boolean;
}

/**
 * Which content a "start other content" action starts: a list of the workspace's items, or a
 * box for the id while that list is loading (or could not load). An id that is not in the list
 * stays, named as unknown.
 */
export function StartContentField(props: StartContentFieldProps) {
  const choices = useContentChoices();
  if (!choices) {
    return (
      <TextInput
        id={props.id}
        label="Content id"
        value={props.value}
        {...(props.required ? { required: true } : {})}
        disabled={props.readOnly}
        error={props.error}
        onChange={props.onChange}
      />
    );
  }
  const options = [
    { value: '', label: 'Choose content…' },
    ...choices.map((item) => ({ value: item.id, label: props.optionLabel(item) })),
  ];
  if (props.value && !choices.some((item) => item.id === props.value)) {
    options.push({ value: props.value, label: `Unknown item (${props.value})` });
  }
  return (
    <SelectField
      id={props.id}
      label="Content to start"
      value={props.value}
      options={options}
      disabled={props.readOnly}
      error={props.error ?? (props.value ? undefined : props.unchosenError)}
      onChange={props.onChange}
    />
  );
}

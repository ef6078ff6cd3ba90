import type { FieldIssue } from '@waymark/shared';
import { moveItem } from '../../components/sortable-list';
import { issueAt } from '../editor-props';
import { uniqueId } from './survey-questions';

interface Option {
  id: string;
  label: string;
}

interface OptionListProps {
  idPrefix: string;
  options: readonly Option[];
  onChange: (options: Option[]) => void;
  /** Issues relative to `options`. */
  issues: readonly FieldIssue[];
  readOnly: boolean;
}

/** The answers of a choice question: 2–20, each a label with a stable id that branches use. */
export function OptionList({ idPrefix, options, onChange, issues, readOnly }: OptionListProps) {
  const set = (index: number, label: string) =>
    onChange(options.map((o, i) => (i === index ? { ...o, label } : o)));
  const add = () => {
    const id = uniqueId(
      `option-${options.length + 1}`,
      options.map((o) => o.id),
    );
    onChange([...options, { id, label: `Option ${options.length + 1}` }]);
  };
  const listError = issueAt(issues, '');

  return (
    <fieldset class="edit-group option-list">
      <legend>Answers</legend>
      <ol class="option-rows">
        {options.map((option, index) => {
          const id = `${idPrefix}-option-${index}`;
          const error =
            issueAt(issues, `${index}.label`) ??
            (option.label.trim() ? undefined : 'Write a label.');
          return (
            <li key={option.id} class="option-row">
              <label class="visually-hidden" for={id}>
                Answer {index + 1}
              </label>
              <input
                id={id}
                class="edit-input"
                value={option.label}
                maxLength={200}
                disabled={readOnly}
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                onInput={(event) => set(index, event.currentTarget.value)}
              />
              <button
                type="button"
                class="button button-ghost button-small"
                aria-label={`Move answer ${index + 1} up`}
                disabled={readOnly || index === 0}
                onClick={() => onChange(moveItem(options, index, index - 1))}
              >
                <span aria-hidden="true">↑</span>
              </button>
              <button
                type="button"
                class="button button-ghost button-small"
                aria-label={`Move answer ${index + 1} down`}
                disabled={readOnly || index === options.length - 1}
                onClick={() => onChange(moveItem(options, index, index + 1))}
              >
                <span aria-hidden="true">↓</span>
              </button>
              <button
                type="button"
                class="button button-ghost button-small"
                aria-label={`Remove answer ${index + 1}`}
                disabled={readOnly || options.length <= 2}
                onClick={() => onChange(options.filter((_, i) => i !== index))}
              >
                Remove
              </button>
              {error && (
                <p class="field-error option-error" id={`${id}-error`}>
                  {error}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {listError && <p class="field-error">{listError}</p>}
      {!readOnly && (
        <button
          type="button"
          class="button button-small"
          disabled={options.length >= 20}
          onClick={add}
        >
          Add answer
        </button>
      )}
    </fieldset>
  );
}

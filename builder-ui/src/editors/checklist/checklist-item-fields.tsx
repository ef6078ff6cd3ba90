import type { ChecklistItem, FieldIssue } from '@waymark/shared';
import { useState } from 'preact/hooks';
import { TextArea, TextInput } from '../../components/edit-fields';
import { issueAt, issuesUnder } from '../editor-props';
import { RuleBuilder } from '../rules/rule-builder';
import { ChecklistActionField } from './checklist-action-field';

interface ChecklistItemFieldsProps {
  item: ChecklistItem;
  index: number;
  onChange: (item: ChecklistItem) => void;
  /** Issues relative to the item. */
  issues: readonly FieldIssue[];
  readOnly: boolean;
}

/** Copies `object` with `key` set, or removed when `value` is undefined. */
function withField<T extends object>(object: T, key: keyof T & string, value: unknown): T {
  const next = { ...object } as Record<string, unknown>;
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next as T;
}

/** One checklist item: its wording, what pressing it does, and when it counts as done. */
export function ChecklistItemFields({
  item,
  index,
  onChange,
  issues,
  readOnly,
}: ChecklistItemFieldsProps) {
  const id = `item-${index}`;
  const [ruleOpen, setRuleOpen] = useState(false);
  return (
    <div class="item-fields">
      <TextInput
        id={`${id}-title`}
        label="Title"
        value={item.title}
        maxLength={200}
        error={issueAt(issues, 'title') ?? (item.title.trim() ? undefined : 'Write a title.')}
        disabled={readOnly}
        onChange={(title) => onChange({ ...item, title })}
      />
      <TextArea
        id={`${id}-description`}
        label="Description (optional)"
        rows={2}
        value={item.description ?? ''}
        maxLength={1000}
        error={issueAt(issues, 'description')}
        disabled={readOnly}
        onChange={(text) => onChange(withField(item, 'description', text || undefined))}
      />
      <ChecklistActionField
        id={`${id}-action`}
        action={item.action}
        issues={issuesUnder(issues, 'action')}
        readOnly={readOnly}
        onChange={(action) => onChange(withField(item, 'action', action))}
      />
      <div class="done-when">
        <h3 class="done-when-title">Done when</h3>
        {item.doneWhen || ruleOpen ? (
          <>
            <RuleBuilder
              rule={item.doneWhen}
              label={`Done when (item ${index + 1})`}
              scope="client"
              issues={issuesUnder(issues, 'doneWhen')}
              readOnly={readOnly}
              onChange={(rule) => onChange(withField(item, 'doneWhen', rule))}
            />
            {!readOnly && (
              <button
                type="button"
                class="button button-ghost button-small done-when-remove"
                onClick={() => {
                  onChange(withField(item, 'doneWhen', undefined));
                  setRuleOpen(false);
                }}
              >
                Remove the rule (pressing marks it done)
              </button>
            )}
          </>
        ) : (
          <div class="done-when-none">
            <p class="edit-hint">No rule: pressing the item marks it done.</p>
            {!readOnly && (
              <button type="button" class="button button-small" onClick={() => setRuleOpen(true)}>
                Add a rule
              </button>
            )}
          </div>
        )}
      </div>
    </div>
  );
}

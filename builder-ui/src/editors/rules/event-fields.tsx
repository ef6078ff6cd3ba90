import type { FieldIssue } from '@waymark/shared';
import { ComparisonField } from './comparison-field';
import { Select, TextInput } from './controls';
import { hasIssue as has } from './issues';
import { type ConditionDraft, type FilterDraft } from './rule-form';

type EventDraft = Extract<ConditionDraft, { type: 'event' }>;

/** "Did an event": name, property filters, and how often within a window. */
export function EventFields(props: {
  id: string;
  draft: EventDraft;
  onChange: (draft: ConditionDraft) => void;
  disabled: boolean;
  issues: readonly FieldIssue[];
}) {
  const { id, draft: d, onChange, disabled, issues } = props;
  const setFilter = (i: number, filter: FilterDraft) =>
    onChange({ ...d, where: d.where.map((f, j) => (j === i ? filter : f)) });
  return (
    <>
      <TextInput
        id={`${id}-name`}
        label="Event name"
        value={d.name}
        placeholder="Invite Sent"
        onChange={(name) => onChange({ ...d, name })}
        disabled={disabled}
        invalid={has(issues, 'name')}
      />
      <Select
        id={`${id}-count-op`}
        label="How often"
        value={d.countOp}
        options={[
          { value: 'gte', label: 'at least' },
          { value: 'lte', label: 'at most' },
          { value: 'eq', label: 'exactly' },
        ]}
        onChange={(countOp) => onChange({ ...d, countOp })}
        disabled={disabled}
      />
      <TextInput
        id={`${id}-count`}
        label="Times"
        type="number"
        min={0}
        value={d.count}
        onChange={(count) => onChange({ ...d, count })}
        disabled={disabled}
        invalid={has(issues, 'count')}
      />
      <TextInput
        id={`${id}-window`}
        label="In the last (days; blank = ever)"
        type="number"
        min={1}
        value={d.windowDays}
        onChange={(windowDays) => onChange({ ...d, windowDays })}
        disabled={disabled}
        invalid={has(issues, 'window')}
      />
      {d.where.length > 0 && (
        <ul class="rule-filters" aria-label="Property filters">
          {d.where.map((filter, i) => (
            <li key={i} class="rule-filter">
              <TextInput
                id={`${id}-where-${i}-property`}
                label={`Property ${i + 1}`}
                value={filter.property}
                placeholder="plan"
                onChange={(property) => setFilter(i, { ...filter, property })}
                disabled={disabled}
                invalid={has(issues, `where.${i}.property`)}
              />
              <ComparisonField
                id={`${id}-where-${i}`}
                value={filter}
                onChange={(cmp) => setFilter(i, { ...filter, ...cmp })}
                disabled={disabled}
                invalid={has(issues, `where.${i}.value`)}
              />
              {!disabled && (
                <button
                  type="button"
                  class="button button-ghost button-small rule-remove-inline"
                  aria-label={`Remove property filter ${i + 1}`}
                  onClick={() => onChange({ ...d, where: d.where.filter((_, j) => j !== i) })}
                >
                  ✕
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!disabled && d.where.length < 20 && (
        <button
          type="button"
          class="button button-small rule-add-inline"
          onClick={() =>
            onChange({
              ...d,
              where: [...d.where, { property: '', op: 'eq', kind: 'text', text: '' }],
            })
          }
        >
          + Property filter
        </button>
      )}
    </>
  );
}

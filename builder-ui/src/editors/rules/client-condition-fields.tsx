import type { FieldIssue } from '@waymark/shared';
import { TargetField } from '../../picker/target-field';
import { Select, TextInput } from './controls';
import { hasIssue as has } from './issues';
import type { ConditionDraft } from './rule-form';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

type ClientDraft = Extract<
  ConditionDraft,
  { type: 'page' | 'element' | 'device' | 'locale' | 'time_window' }
>;

/**
 * The fields of the conditions only the widget can answer (scope `client`): page, element,
 * device, locale and time of day.
 */
export function ClientConditionFields(props: {
  id: string;
  draft: ClientDraft;
  onChange: (draft: ConditionDraft) => void;
  disabled: boolean;
  issues: readonly FieldIssue[];
  appUrl: string;
}) {
  const { id, draft: d, onChange, disabled, issues, appUrl } = props;
  switch (d.type) {
    case 'page':
      return (
        <>
          <Select
            id={`${id}-op`}
            label="Page URL"
            value={d.op}
            options={[
              { value: 'eq', label: 'is' },
              { value: 'contains', label: 'contains' },
              { value: 'starts_with', label: 'starts with' },
              { value: 'matches', label: 'matches (* = anything)' },
            ]}
            onChange={(op) => onChange({ ...d, op })}
            disabled={disabled}
          />
          <TextInput
            id={`${id}-value`}
            label="Path or URL"
            value={d.value}
            placeholder="/projects/*"
            onChange={(value) => onChange({ ...d, value })}
            disabled={disabled}
            invalid={has(issues, 'value')}
            wide
          />
        </>
      );
    case 'element':
      return (
        <>
          <Select
            id={`${id}-state`}
            label="Element is"
            value={d.state}
            options={[
              { value: 'visible', label: 'visible' },
              { value: 'present', label: 'present' },
              { value: 'absent', label: 'absent' },
            ]}
            onChange={(state) => onChange({ ...d, state })}
            disabled={disabled}
          />
          <div class="rule-control rule-control-wide">
            <TargetField
              id={`${id}-target`}
              label="Element"
              value={d.target}
              onChange={(target) => onChange({ ...d, target })}
              appUrl={appUrl}
              issues={issues.filter((i) => i.path.startsWith('target'))}
              readOnly={disabled}
            />
          </div>
        </>
      );
    case 'device':
      return (
        <>
          <Select
            id={`${id}-kind`}
            label="Device"
            value={d.kind}
            options={[
              { value: '', label: 'any' },
              { value: 'mobile', label: 'mobile (< 768 px)' },
              { value: 'tablet', label: 'tablet (< 1024 px)' },
              { value: 'desktop', label: 'desktop' },
            ]}
            onChange={(kind) => onChange({ ...d, kind })}
            disabled={disabled}
          />
          <TextInput
            id={`${id}-min`}
            label="Min width (px)"
            type="number"
            min={0}
            value={d.minWidth}
            onChange={(minWidth) => onChange({ ...d, minWidth })}
            disabled={disabled}
            invalid={has(issues, 'minWidth')}
          />
          <TextInput
            id={`${id}-max`}
            label="Max width (px)"
            type="number"
            min={0}
            value={d.maxWidth}
            onChange={(maxWidth) => onChange({ ...d, maxWidth })}
            disabled={disabled}
            invalid={has(issues, 'maxWidth')}
          />
        </>
      );
    case 'locale':
      return (
        <>
          <Select
            id={`${id}-op`}
            label="Locale"
            value={d.op}
            options={[
              { value: 'eq', label: 'is' },
              { value: 'in', label: 'is one of' },
              { value: 'starts_with', label: 'language is' },
            ]}
            onChange={(op) => onChange({ ...d, op })}
            disabled={disabled}
          />
          <TextInput
            id={`${id}-value`}
            label={d.op === 'in' ? 'Locales (comma-separated)' : 'Locale'}
            value={d.text}
            placeholder="en-GB"
            onChange={(text) => onChange({ ...d, text })}
            disabled={disabled}
            invalid={has(issues, 'value')}
          />
        </>
      );
    case 'time_window':
      return (
        <>
          <fieldset class="rule-days">
            <legend class="rule-control-label">Days (none = every day)</legend>
            {WEEKDAYS.map((name, day) => (
              <label key={name} class="rule-day">
                <input
                  type="checkbox"
                  checked={d.days.includes(day)}
                  disabled={disabled}
                  onChange={(event) =>
                    onChange({
                      ...d,
                      days: event.currentTarget.checked
                        ? [...d.days, day].sort()
                        : d.days.filter((x) => x !== day),
                    })
                  }
                />
                {name}
              </label>
            ))}
          </fieldset>
          <TextInput
            id={`${id}-start`}
            label="From hour"
            type="number"
            min={0}
            max={23}
            value={d.startHour}
            onChange={(startHour) => onChange({ ...d, startHour })}
            disabled={disabled}
            invalid={has(issues, 'startHour')}
          />
          <TextInput
            id={`${id}-end`}
            label="Until hour"
            type="number"
            min={1}
            max={24}
            value={d.endHour}
            onChange={(endHour) => onChange({ ...d, endHour })}
            disabled={disabled}
            invalid={has(issues, 'endHour')}
          />
          <TextInput
            id={`${id}-tz`}
            label="Time zone"
            value={d.timezone}
            list="rule-time-zones"
            onChange={(timezone) => onChange({ ...d, timezone })}
            disabled={disabled}
            invalid={has(issues, 'timezone')}
          />
        </>
      );
  }
}

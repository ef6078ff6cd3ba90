import type { FieldIssue, Trigger } from '@waymark/shared';
import { Select, TextInput } from '../rules/controls';

const KINDS = [
  { value: 'immediate', label: 'As soon as the page matches' },
  { value: 'url', label: 'When the URL matches' },
  { value: 'event', label: 'When an event happens' },
  { value: 'delay', label: 'After a delay' },
  { value: 'manual', label: 'Only when started from code' },
] as const;

const fresh = (type: Trigger['type']): Trigger =>
  type === 'url'
    ? { type, pattern: '/' }
    : type === 'event'
      ? { type, event: '' }
      : type === 'delay'
        ? { type, ms: 3000 }
        : { type };

interface Props {
  value: Trigger[];
  onChange: (value: Trigger[]) => void;
  issues: readonly FieldIssue[];
  readOnly: boolean;
}

/** When an eligible user gets it: each trigger is enough on its own. */
export function TriggersField({ value, onChange, issues, readOnly }: Props) {
  const set = (i: number, t: Trigger) => onChange(value.map((x, j) => (j === i ? t : x)));
  const issueAt = (i: number) =>
    issues.filter((x) => x.path === `${i}` || x.path.startsWith(`${i}.`));
  return (
    <fieldset class="delivery-section">
      <legend class="delivery-legend">Triggers</legend>
      <p class="muted">Shown when any of these happens (to an eligible user).</p>
      <ul class="experiment-arms">
        {value.map((t, i) => (
          <li key={i} class="experiment-arm">
            <Select
              id={`trigger-${i}-type`}
              label={`Trigger ${i + 1}`}
              value={t.type}
              options={KINDS}
              onChange={(type) => set(i, fresh(type))}
              disabled={readOnly}
            />
            {t.type === 'url' && (
              <TextInput
                id={`trigger-${i}-pattern`}
                label="URL path (* = anything)"
                value={t.pattern}
                onChange={(pattern) => set(i, { ...t, pattern })}
                disabled={readOnly}
                invalid={issueAt(i).length > 0}
                wide
              />
            )}
            {t.type === 'event' && (
              <TextInput
                id={`trigger-${i}-event`}
                label="Event name"
                value={t.event}
                onChange={(event) => set(i, { ...t, event })}
                disabled={readOnly}
                invalid={issueAt(i).length > 0}
              />
            )}
            {t.type === 'delay' && (
              <TextInput
                id={`trigger-${i}-delay`}
                label="Seconds after the page loads"
                type="number"
                min={0}
                max={600}
                value={String(t.ms / 1000)}
                onChange={(s) => set(i, { ...t, ms: Math.round(Number(s) * 1000) || 0 })}
                disabled={readOnly}
                invalid={issueAt(i).length > 0}
              />
            )}
            {!readOnly && value.length > 1 && (
              <button
                type="button"
                class="button button-ghost button-small"
                aria-label={`Remove trigger ${i + 1}`}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            )}
            {issueAt(i).map((x) => (
              <p class="field-error" key={x.message}>
                {x.message}
              </p>
            ))}
          </li>
        ))}
      </ul>
      {!readOnly && value.length < 20 && (
        <div>
          <button
            type="button"
            class="button button-small"
            onClick={() => onChange([...value, fresh('url')])}
          >
            + Add trigger
          </button>
        </div>
      )}
    </fieldset>
  );
}

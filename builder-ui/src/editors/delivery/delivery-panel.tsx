import type { ContentDetail, DeliverySettings, FieldIssue } from '@waymark/shared';
import { DeliveryPatchSchema, toFieldIssues } from '@waymark/shared';
import { useState } from 'preact/hooks';
import { ApiError, describeError } from '../../api';
import { deliveryApi } from '../../api/delivery';
import { useLeaveGuard } from '../../router';
import { useWorkspace } from '../../workspace-context';
import { issuesUnder } from '../editor-props';
import { AudienceField } from './audience-field';
import { ScheduleField } from './schedule-field';
import { TriggersField } from './triggers-field';

export interface DeliveryPanelProps {
  content: ContentDetail;
  /** Called with the item as the server answered after a delivery change was saved. */
  onSaved: (content: ContentDetail) => void;
  readOnly: boolean;
}

type Status =
  { kind: 'clean' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

/** Audience, triggers, frequency, priority and schedule; saves the item's delivery itself. */
export function DeliveryPanel({ content, onSaved, readOnly }: DeliveryPanelProps) {
  const { api, workspace } = useWorkspace();
  const [saved, setSaved] = useState<DeliverySettings>(content.delivery);
  const [value, setValue] = useState<DeliverySettings>(content.delivery);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [status, setStatus] = useState<Status>({ kind: 'clean' });
  const dirty = JSON.stringify(value) !== JSON.stringify(saved);
  useLeaveGuard(dirty ? 'Targeting has unsaved changes. Leave without saving?' : null);
  const set = (change: Partial<DeliverySettings>) => {
    setValue((v) => ({ ...v, ...change }));
    if (status.kind === 'saved') setStatus({ kind: 'clean' });
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const parsed = DeliveryPatchSchema.safeParse(value);
    if (!parsed.success) {
      setIssues(toFieldIssues(parsed.error));
      setStatus({ kind: 'failed', message: 'Fix the highlighted fields, then save.' });
      return;
    }
    setIssues([]);
    setStatus({ kind: 'saving' });
    try {
      const answer = await deliveryApi(api, workspace.id).save(content.id, parsed.data);
      setSaved(answer.delivery);
      setValue(answer.delivery);
      setStatus({ kind: 'saved' });
      onSaved(answer);
    } catch (error) {
      if (error instanceof ApiError) {
        setIssues(issuesUnder(error.fieldIssues, 'delivery'));
      }
      setStatus({ kind: 'failed', message: describeError(error) });
    }
  };

  const f = value.frequency;
  const priorityIssue = issues.find((i) => i.path === 'priority')?.message;
  return (
    <form class="delivery-panel" onSubmit={save} noValidate aria-label="Targeting">
      <AudienceField
        value={value.audience}
        onChange={(audience) => set({ audience })}
        issues={issuesUnder(issues, 'audience')}
        readOnly={readOnly}
      />
      <TriggersField
        value={value.triggers}
        onChange={(triggers) => set({ triggers })}
        issues={issuesUnder(issues, 'triggers')}
        readOnly={readOnly}
      />
      <fieldset class="delivery-section">
        <legend class="delivery-legend">Frequency and priority</legend>
        <div class="rule-fields">
          <div class="rule-control">
            <label class="rule-control-label" for="delivery-frequency">
              How often one user gets it
            </label>
            <select
              id="delivery-frequency"
              class="rule-input"
              value={f.type}
              disabled={readOnly}
              onChange={(e) => {
                const type = e.currentTarget.value as DeliverySettings['frequency']['type'];
                set({ frequency: type === 'every_n_days' ? { type, days: 30 } : { type } });
              }}
            >
              <option value="once">Once (until completed or dismissed)</option>
              <option value="until_completed">Until completed (dismissing does not stop it)</option>
              <option value="every_n_days">Again every N days</option>
              <option value="unlimited">Every time</option>
            </select>
          </div>
          {f.type === 'every_n_days' && (
            <div class="rule-control">
              <label class="rule-control-label" for="delivery-days">
                Days
              </label>
              <input
                id="delivery-days"
                class="rule-input"
                type="number"
                min={1}
                value={f.days}
                disabled={readOnly}
                onInput={(e) =>
                  set({ frequency: { type: 'every_n_days', days: Number(e.currentTarget.value) } })
                }
              />
            </div>
          )}
          <div class="rule-control">
            <label class="rule-control-label" for="delivery-priority">
              Priority (higher wins)
            </label>
            <input
              id="delivery-priority"
              class="rule-input"
              type="number"
              min={-1000}
              max={1000}
              value={value.priority}
              disabled={readOnly}
              aria-invalid={priorityIssue ? 'true' : undefined}
              onInput={(e) => set({ priority: Math.round(Number(e.currentTarget.value)) || 0 })}
            />
          </div>
        </div>
        {issuesUnder(issues, 'frequency').map((i) => (
          <p class="field-error" key={i.message}>
            {i.message}
          </p>
        ))}
        {priorityIssue && <p class="field-error">{priorityIssue}</p>}
      </fieldset>
      <ScheduleField
        value={value.schedule}
        onChange={(schedule) => set({ schedule })}
        issues={issuesUnder(issues, 'schedule')}
        readOnly={readOnly}
      />
      {!readOnly && (
        <div class="delivery-save">
          <button
            type="submit"
            class="button button-primary"
            aria-disabled={status.kind === 'saving'}
          >
            Save targeting
          </button>
          <button
            type="button"
            class="button button-ghost"
            disabled={!dirty}
            onClick={() => {
              setValue(saved);
              setIssues([]);
              setStatus({ kind: 'clean' });
            }}
          >
            Discard changes
          </button>
          <span role="status" class="delivery-status" data-testid="delivery-status">
            {status.kind === 'saving'
              ? 'Saving…'
              : status.kind === 'saved'
                ? 'Saved. Applies to users at once.'
                : dirty
                  ? 'Unsaved changes'
                  : ''}
          </span>
        </div>
      )}
      {status.kind === 'failed' && (
        <p class="alert" role="alert">
          {status.message}
        </p>
      )}
    </form>
  );
}

import type { ChecklistAction, FieldIssue } from '@waymark/shared';
import { SelectField, TextInput } from '../../components/edit-fields';
import { StartContentField } from '../blocks/start-content-field';
import { UrlActionFields } from '../blocks/url-action-fields';
import { issueAt } from '../editor-props';

type ActionType = ChecklistAction['type'] | 'none';

const ACTION_LABELS: Record<ActionType, string> = {
  none: 'Nothing (pressing marks it done if it has no rule)',
  start: 'Start other content (a tour, a survey…)',
  url: 'Open a page',
  track: 'Record an event',
};

function actionOf(type: ActionType): ChecklistAction | undefined {
  switch (type) {
    case 'start':
      return { type, contentId: '' };
    case 'url':
      return { type, url: '', newTab: false };
    case 'track':
      return { type, event: '' };
    default:
      return undefined;
  }
}

interface ChecklistActionFieldProps {
  id: string;
  action: ChecklistAction | undefined;
  onChange: (action: ChecklistAction | undefined) => void;
  /** Issues relative to the action. */
  issues: readonly FieldIssue[];
  readOnly: boolean;
}

/** What pressing a checklist item does, with the one detail each action needs. */
export function ChecklistActionField({
  id,
  action,
  onChange,
  issues,
  readOnly,
}: ChecklistActionFieldProps) {
  return (
    <div class="action-field">
      <SelectField<ActionType>
        id={`${id}-type`}
        label="When pressed"
        value={action?.type ?? 'none'}
        options={(Object.keys(ACTION_LABELS) as ActionType[]).map((value) => ({
          value,
          label: ACTION_LABELS[value],
        }))}
        error={issueAt(issues, 'type')}
        disabled={readOnly}
        onChange={(type) => onChange(actionOf(type))}
      />
      {action?.type === 'url' && (
        <UrlActionFields
          id={id}
          label="Page URL"
          action={action}
          error={issueAt(issues, 'url')}
          readOnly={readOnly}
          onChange={onChange}
        />
      )}
      {action?.type === 'track' && (
        <TextInput
          id={`${id}-event`}
          label="Event name"
          placeholder="Checklist Invite Clicked"
          maxLength={200}
          value={action.event}
          error={issueAt(issues, 'event')}
          disabled={readOnly}
          onChange={(event) => onChange({ ...action, event })}
        />
      )}
      {action?.type === 'start' && (
        <StartContentField
          id={`${id}-content`}
          value={action.contentId}
          error={issueAt(issues, 'contentId')}
          readOnly={readOnly}
          onChange={(contentId) => onChange({ ...action, contentId })}
          optionLabel={(item) => `${item.name} (${item.kind})`}
          unchosenError="Choose what to start."
        />
      )}
    </div>
  );
}

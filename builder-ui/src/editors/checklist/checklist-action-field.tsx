import type { ChecklistAction, FieldIssue } from '@waymark/shared';
import { CheckboxField, SelectField, TextInput } from '../../components/edit-fields';
import { useContentChoices } from '../blocks/content-choices';
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
        <>
          <TextInput
            id={`${id}-url`}
            label="Page URL"
            type="url"
            placeholder="https://"
            value={action.url}
            error={issueAt(issues, 'url')}
            disabled={readOnly}
            onChange={(url) => onChange({ ...action, url })}
          />
          <CheckboxField
            id={`${id}-new-tab`}
            label="Open in a new tab"
            checked={action.newTab}
            disabled={readOnly}
            onChange={(newTab) => onChange({ ...action, newTab })}
          />
        </>
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
        <StartContent
          id={`${id}-content`}
          value={action.contentId}
          error={issueAt(issues, 'contentId')}
          readOnly={readOnly}
          onChange={(contentId) => onChange({ ...action, contentId })}
        />
      )}
    </div>
  );
}

function StartContent(props: {
  id: string;
  value: string;
  error: string | undefined;
  readOnly: boolean;
  onChange: (contentId: string) => void;
}) {
  const choices = useContentChoices();
  if (!choices) {
    return (
      <TextInput
        id={props.id}
        label="Content id"
        value={props.value}
        error={props.error}
        disabled={props.readOnly}
        onChange={props.onChange}
      />
    );
  }
  const options = [
    { value: '', label: 'Choose content…' },
    ...choices.map((item) => ({ value: item.id, label: `${item.name} (${item.kind})` })),
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
      error={props.error ?? (props.value ? undefined : 'Choose what to start.')}
      disabled={props.readOnly}
      onChange={props.onChange}
    />
  );
}

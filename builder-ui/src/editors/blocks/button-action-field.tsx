import type { ButtonAction, FieldIssue } from '@waymark/shared';
import { SelectField, TextInput } from '../../components/edit-fields';
import { issueAt } from '../editor-props';
import { StartContentField } from './start-content-field';
import { UrlActionFields } from './url-action-fields';

/** A step a "go to step" action can point at. */
export interface StepChoice {
  id: string;
  label: string;
}

const ACTION_LABELS: Record<ButtonAction['type'], string> = {
  next: 'Next step',
  back: 'Previous step',
  goto: 'Go to a step',
  dismiss: 'Dismiss',
  complete: 'Complete',
  url: 'Open a URL',
  start: 'Start other content',
  track: 'Track an event',
};

/** A fresh action of `type`, keeping what the old one had where it fits. */
function actionOf(type: ButtonAction['type'], steps: readonly StepChoice[]): ButtonAction {
  switch (type) {
    case 'goto':
      return { type, stepId: steps[0]?.id ?? '' };
    case 'url':
      return { type, url: '', newTab: false };
    case 'start':
      return { type, contentId: '' };
    case 'track':
      return { type, event: '' };
    default:
      return { type };
  }
}

interface ButtonActionFieldProps {
  id: string;
  action: ButtonAction;
  onChange: (action: ButtonAction) => void;
  /** Issues relative to the action (`url`, `stepId`). */
  issues: readonly FieldIssue[];
  readOnly: boolean;
  /**
   * The flow's steps. Without them (banners, launchers) the step actions — next, back, go to
   * step — mean nothing and are not offered.
   */
  steps?: readonly StepChoice[] | undefined;
}

const STEP_ACTIONS: ReadonlySet<ButtonAction['type']> = new Set(['next', 'back', 'goto']);

/** The actions offered: step actions only inside a flow (always the one already chosen). */
export function offeredActions(
  current: ButtonAction['type'],
  steps: readonly StepChoice[] | undefined,
): ButtonAction['type'][] {
  return (Object.keys(ACTION_LABELS) as ButtonAction['type'][]).filter(
    (type) =>
      type === current ||
      !STEP_ACTIONS.has(type) ||
      (steps !== undefined && (type !== 'goto' || steps.length > 0)),
  );
}

/** What a button does, with the one detail each action needs. */
export function ButtonActionField(props: ButtonActionFieldProps) {
  const { id, action, onChange, issues, readOnly, steps } = props;
  const types = offeredActions(action.type, steps);
  return (
    <div class="action-field">
      <SelectField
        id={`${id}-type`}
        label="When pressed"
        value={action.type}
        options={types.map((type) => ({ value: type, label: ACTION_LABELS[type] }))}
        disabled={readOnly}
        error={issueAt(issues, 'type')}
        onChange={(type) => onChange(actionOf(type, steps ?? []))}
      />
      <ActionDetail {...props} steps={steps ?? []} />
    </div>
  );
}

function ActionDetail(props: ButtonActionFieldProps & { steps: readonly StepChoice[] }) {
  const { id, action, onChange, issues, readOnly, steps } = props;
  switch (action.type) {
    case 'goto':
      return (
        <SelectField
          id={`${id}-step`}
          label="Step"
          value={action.stepId}
          options={steps.map((step) => ({ value: step.id, label: step.label }))}
          disabled={readOnly}
          error={issueAt(issues, 'stepId')}
          onChange={(stepId) => onChange({ ...action, stepId })}
        />
      );
    case 'url':
      return (
        <UrlActionFields
          id={id}
          label="URL"
          required
          action={action}
          error={issueAt(issues, 'url')}
          readOnly={readOnly}
          onChange={onChange}
        />
      );
    case 'start':
      return (
        <StartContentField
          id={`${id}-content`}
          value={action.contentId}
          error={issueAt(issues, 'contentId')}
          readOnly={readOnly}
          onChange={(contentId) => onChange({ ...action, contentId })}
          optionLabel={(item) => item.name}
          required
        />
      );
    case 'track':
      return (
        <TextInput
          id={`${id}-event`}
          label="Event name"
          value={action.event}
          placeholder="Tour CTA Clicked"
          required
          maxLength={200}
          disabled={readOnly}
          error={issueAt(issues, 'event')}
          onChange={(event) => onChange({ ...action, event })}
        />
      );
    default:
      return null;
  }
}

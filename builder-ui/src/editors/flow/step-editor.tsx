import type { Advance, FieldIssue, Placement, Step } from '@waymark/shared';
import { CheckboxField, FieldGroup, SelectField, TextInput } from '../../components/edit-fields';
import { TargetField } from '../../picker/target-field';
import { BlockListEditor } from '../blocks/block-list-editor';
import type { StepChoice } from '../blocks/button-action-field';
import { issueAt, issuesUnder } from '../editor-props';
import { STEP_TYPE_LABELS, retype } from './flow-steps';

const PLACEMENTS: readonly Placement[] = [
  'auto',
  'top',
  'top-start',
  'top-end',
  'bottom',
  'bottom-start',
  'bottom-end',
  'left',
  'left-start',
  'left-end',
  'right',
  'right-start',
  'right-end',
];
const CORNERS = [
  { value: 'bottom-right', label: 'Bottom right' },
  { value: 'bottom-left', label: 'Bottom left' },
  { value: 'top-right', label: 'Top right' },
  { value: 'top-left', label: 'Top left' },
] as const;
const ADVANCE_LABELS: Record<Advance['on'], string> = {
  button: 'A button in the step (Next, Done…)',
  'target-click': 'A click on the target element',
  event: 'An event is tracked',
  url: 'The user reaches a URL',
};

function advanceOf(on: Advance['on'], old: Advance): Advance {
  if (on === 'event') return { on, event: old.on === 'event' ? old.event : '' };
  if (on === 'url') return { on, pattern: old.on === 'url' ? old.pattern : '' };
  return { on };
}

interface StepEditorProps {
  step: Step;
  index: number;
  onChange: (step: Step) => void;
  /** Issues relative to the step (`target`, `blocks.0.text`). */
  issues: readonly FieldIssue[];
  readOnly: boolean;
  steps: readonly StepChoice[];
  appUrl: string;
}

/** Everything about one step: its kind, target, placement, how it moves on, and its blocks. */
export function StepEditor({
  step,
  index,
  onChange,
  issues,
  readOnly,
  steps,
  appUrl,
}: StepEditorProps) {
  const id = `step-${index}`;
  const anchored = step.type === 'tooltip' || step.type === 'hotspot';
  const set = (change: Partial<Step>) => onChange({ ...step, ...change });
  const advanceIssues = issuesUnder(issues, 'advance');

  return (
    <div class="step-editor">
      <div class="step-editor-grid">
        <SelectField
          id={`${id}-type`}
          label="Shown as"
          value={step.type}
          options={(Object.keys(STEP_TYPE_LABELS) as Step['type'][]).map((type) => ({
            value: type,
            label: STEP_TYPE_LABELS[type],
          }))}
          disabled={readOnly}
          error={issueAt(issues, 'type')}
          onChange={(type) => onChange(retype(step, type))}
        />
        {anchored && (
          <SelectField
            id={`${id}-placement`}
            label="Placement"
            value={step.placement}
            options={PLACEMENTS.map((value) => ({
              value,
              label: value === 'auto' ? 'Auto' : value,
            }))}
            disabled={readOnly}
            error={issueAt(issues, 'placement')}
            onChange={(placement) => set({ placement })}
          />
        )}
        {step.type === 'modal' && (
          <SelectField
            id={`${id}-size`}
            label="Size"
            value={step.modal?.size ?? 'medium'}
            options={[
              { value: 'small', label: 'Small' },
              { value: 'medium', label: 'Medium' },
              { value: 'large', label: 'Large' },
            ]}
            disabled={readOnly}
            error={issueAt(issues, 'modal.size')}
            onChange={(size) => set({ modal: { celebrate: false, ...step.modal, size } })}
          />
        )}
        {step.type === 'slideout' && (
          <SelectField
            id={`${id}-corner`}
            label="Corner"
            value={step.slideout?.position ?? 'bottom-right'}
            options={CORNERS}
            disabled={readOnly}
            onChange={(position) => set({ slideout: { position } })}
          />
        )}
        {step.type === 'hotspot' && (
          <SelectField
            id={`${id}-beacon`}
            label="Beacon on the target"
            value={step.hotspot?.position ?? 'top-right'}
            options={[...CORNERS, { value: 'center', label: 'Center' }]}
            disabled={readOnly}
            onChange={(position) => set({ hotspot: { position } })}
          />
        )}
      </div>

      {anchored && (
        <TargetField
          id={`${id}-target`}
          label="Target element"
          value={step.target}
          appUrl={appUrl}
          // The whole-target message ("needs an element target") is shown below, once.
          issues={issuesUnder(issues, 'target').filter((issue) => issue.path !== '')}
          readOnly={readOnly}
          onChange={(target) => {
            const { target: _old, ...rest } = step;
            onChange(target ? { ...rest, target } : rest);
          }}
        />
      )}
      {anchored && issueAt(issues, 'target') && (
        <p class="field-error" id={`${id}-target-issue`}>
          {issueAt(issues, 'target')}
        </p>
      )}

      <div class="step-editor-grid">
        {step.type === 'modal' ? (
          <CheckboxField
            id={`${id}-celebrate`}
            label="Celebrate with confetti"
            checked={step.modal?.celebrate ?? false}
            disabled={readOnly}
            onChange={(celebrate) => set({ modal: { size: 'medium', ...step.modal, celebrate } })}
          />
        ) : (
          <CheckboxField
            id={`${id}-backdrop`}
            label={step.type === 'tooltip' ? 'Spotlight the target (dim the rest)' : 'Dim the page'}
            checked={step.backdrop}
            disabled={readOnly}
            onChange={(backdrop) => set({ backdrop })}
          />
        )}
      </div>

      <FieldGroup legend="Moves on when">
        <SelectField
          id={`${id}-advance`}
          label="Trigger"
          value={step.advance.on}
          options={(Object.keys(ADVANCE_LABELS) as Advance['on'][])
            .filter((on) => on !== 'target-click' || anchored || step.advance.on === on)
            .map((on) => ({ value: on, label: ADVANCE_LABELS[on] }))}
          disabled={readOnly}
          error={issueAt(advanceIssues, 'on')}
          onChange={(on) => set({ advance: advanceOf(on, step.advance) })}
        />
        {step.advance.on === 'event' && (
          <TextInput
            id={`${id}-advance-event`}
            label="Event name"
            value={step.advance.event}
            required
            maxLength={200}
            disabled={readOnly}
            error={issueAt(advanceIssues, 'event')}
            onChange={(event) => set({ advance: { on: 'event', event } })}
          />
        )}
        {step.advance.on === 'url' && (
          <TextInput
            id={`${id}-advance-url`}
            label="URL pattern"
            value={step.advance.pattern}
            placeholder="/settings/*"
            hint="A path or URL; * matches anything."
            required
            maxLength={500}
            disabled={readOnly}
            error={issueAt(advanceIssues, 'pattern')}
            onChange={(pattern) => set({ advance: { on: 'url', pattern } })}
          />
        )}
      </FieldGroup>

      <FieldGroup legend="Content">
        <BlockListEditor
          blocks={step.blocks}
          idPrefix={`${id}-block`}
          issues={issuesUnder(issues, 'blocks')}
          readOnly={readOnly}
          steps={steps}
          onChange={(blocks) => set({ blocks })}
        />
      </FieldGroup>
    </div>
  );
}

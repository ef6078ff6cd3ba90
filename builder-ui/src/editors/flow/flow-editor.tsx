import type { FlowDefinition, Step } from '@waymark/shared';
import { SortableList, moveItem } from '../../components/sortable-list';
import { useState } from 'preact/hooks';
import { issueAt, issuesUnder, type KindEditorProps } from '../editor-props';
import { STEP_TYPE_LABELS, copyStep, newStep, stepLabel, stepTitle } from './flow-steps';
import { StepEditor } from './step-editor';

const MAX_STEPS = 50;

/**
 * A flow's steps: a list to pick, add, duplicate, remove and reorder (drag or Alt+↑/↓), and the
 * editor of the selected step under it. The selected step is what the live preview shows.
 */
export function FlowEditor(props: KindEditorProps<FlowDefinition>) {
  const { definition, onChange, issues, readOnly, selected, onSelect, appUrl } = props;
  const { steps } = definition;
  const [adding, setAdding] = useState<Step['type']>('modal');
  const current = Math.min(Math.max(selected, 0), steps.length - 1);
  const step = steps[current];
  const choices = steps.map((s, i) => ({ id: s.id, label: stepLabel(s, i) }));
  const setSteps = (next: Step[], select?: number) => {
    onChange({ ...definition, steps: next });
    if (select !== undefined) onSelect(select);
  };
  const hasIssues = (index: number) => issuesUnder(issues, `steps.${index}`).length > 0;

  return (
    <div class="flow-editor">
      <section class="flow-steps" aria-labelledby="flow-steps-title">
        <h2 id="flow-steps-title" class="editor-section-title">
          Steps <span class="muted">({steps.length})</span>
        </h2>
        <SortableList
          items={steps}
          keyOf={(s) => s.id}
          labelOf={stepLabel}
          label="Steps"
          disabled={readOnly}
          onMove={(from, to) => {
            const next = moveItem(steps, from, to);
            // The selection follows the step being edited.
            const keep = next.findIndex((s) => s.id === steps[current]?.id);
            setSteps(next, keep);
          }}
        >
          {(s, index) => (
            <div class={`flow-step-row${index === current ? ' is-selected' : ''}`}>
              <button
                type="button"
                class="flow-step-select"
                aria-pressed={index === current}
                onClick={() => onSelect(index)}
              >
                <span class="flow-step-number">{index + 1}</span>
                <span class="flow-step-text">
                  <span class="flow-step-title">{stepTitle(s)}</span>
                  <span class="flow-step-type muted">{STEP_TYPE_LABELS[s.type]}</span>
                </span>
                {hasIssues(index) && (
                  <span class="badge badge-danger flow-step-issue">
                    <span aria-hidden="true">!</span>
                    <span class="visually-hidden">has problems</span>
                  </span>
                )}
              </button>
              {!readOnly && (
                <span class="flow-step-tools">
                  <button
                    type="button"
                    class="button button-ghost button-small"
                    aria-label={`Duplicate ${stepLabel(s, index)}`}
                    disabled={steps.length >= MAX_STEPS}
                    onClick={() =>
                      setSteps(
                        [
                          ...steps.slice(0, index + 1),
                          copyStep(steps, s),
                          ...steps.slice(index + 1),
                        ],
                        index + 1,
                      )
                    }
                  >
                    Duplicate
                  </button>
                  <button
                    type="button"
                    class="button button-ghost button-small"
                    aria-label={`Remove ${stepLabel(s, index)}`}
                    disabled={steps.length <= 1}
                    onClick={() => {
                      if (!window.confirm(`Remove ${stepLabel(s, index)}?`)) return;
                      setSteps(
                        steps.filter((_x, i) => i !== index),
                        Math.max(0, current >= index ? current - 1 : current),
                      );
                    }}
                  >
                    Remove
                  </button>
                </span>
              )}
            </div>
          )}
        </SortableList>
        {issueAt(issues, 'steps') && <p class="field-error">{issueAt(issues, 'steps')}</p>}
        {!readOnly && (
          <div class="block-add">
            <label for="flow-add-type">New step</label>
            <select
              class="edit-select"
              id="flow-add-type"
              value={adding}
              onChange={(event) => setAdding(event.currentTarget.value as Step['type'])}
            >
              {(Object.keys(STEP_TYPE_LABELS) as Step['type'][]).map((type) => (
                <option key={type} value={type}>
                  {STEP_TYPE_LABELS[type]}
                </option>
              ))}
            </select>
            <button
              type="button"
              class="button button-small"
              disabled={steps.length >= MAX_STEPS}
              onClick={() => setSteps([...steps, newStep(steps, adding)], steps.length)}
            >
              Add step
            </button>
          </div>
        )}
      </section>

      {step && (
        <section class="flow-step-detail" aria-labelledby="flow-step-title">
          <h2 id="flow-step-title" class="editor-section-title">
            {stepLabel(step, current)}
          </h2>
          <StepEditor
            key={step.id}
            step={step}
            index={current}
            issues={issuesUnder(issues, `steps.${current}`)}
            readOnly={readOnly}
            steps={choices}
            appUrl={appUrl}
            onChange={(next) => setSteps(steps.map((s, i) => (i === current ? next : s)))}
          />
        </section>
      )}
    </div>
  );
}

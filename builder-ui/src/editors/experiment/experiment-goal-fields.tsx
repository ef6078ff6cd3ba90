import type { Goal } from '@waymark/shared';
import { Link } from '../../components/link';
import type { ExperimentForm } from './experiment-form';

interface ExperimentGoalFieldsProps {
  form: ExperimentForm;
  goals: Goal[];
  editable: boolean;
  issue: (path: string) => string | undefined;
  set: (change: Partial<ExperimentForm>) => void;
}

/** The goal an experiment is judged on and the guardrail goals that must not get worse. */
export function ExperimentGoalFields({
  form,
  goals,
  editable,
  issue,
  set,
}: ExperimentGoalFieldsProps) {
  const toggleGuardrail = (id: string, on: boolean) =>
    set({
      guardrailGoalIds: on
        ? [...form.guardrailGoalIds, id]
        : form.guardrailGoalIds.filter((g) => g !== id),
    });
  return (
    <>
      <div class="field">
        <label for="experiment-goal">Goal (judged on)</label>
        <select
          id="experiment-goal"
          class="definition-select"
          value={form.goalId}
          disabled={!editable}
          aria-invalid={issue('goalId') ? 'true' : undefined}
          onChange={(e) => set({ goalId: e.currentTarget.value })}
        >
          <option value="">{goals.length ? 'Choose a goal…' : 'No goals yet'}</option>
          {goals.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
        {issue('goalId') && <p class="field-error">{issue('goalId')}</p>}
        {goals.length === 0 && (
          <p class="muted">
            <Link href="/goals/new">Create a goal</Link> first: an experiment needs one.
          </p>
        )}
      </div>
      {goals.length > 1 && (
        <fieldset class="experiment-goals">
          <legend>Guardrails (must not get worse)</legend>
          {goals
            .filter((g) => g.id !== form.goalId)
            .map((g) => (
              <label key={g.id}>
                <input
                  type="checkbox"
                  checked={form.guardrailGoalIds.includes(g.id)}
                  disabled={!editable}
                  onChange={(e) => toggleGuardrail(g.id, e.currentTarget.checked)}
                />
                {g.name}
              </label>
            ))}
        </fieldset>
      )}
    </>
  );
}

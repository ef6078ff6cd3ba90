import type {
  ContentDetail,
  ContentVersionSummary,
  Experiment,
  FieldIssue,
  Goal,
} from '@waymark/shared';
import { useState } from 'preact/hooks';
import { ApiError, describeError } from '../../api';
import { experimentsApi } from '../../api/experiments';
import { Link } from '../../components/link';
import { ExperimentStatusBadge } from '../../pages/experiments/experiments-page';
import { useWorkspace } from '../../workspace-context';
import { ExperimentArms } from './experiment-arms';
import {
  experimentToForm,
  formIssues,
  formToBody,
  newExperimentForm,
  type ExperimentForm,
} from './experiment-form';
import { ExperimentGoalFields } from './experiment-goal-fields';
import { ExperimentLifecycle, type RunAction } from './experiment-lifecycle';
import { SampleSizeEstimate } from './sample-size-estimate';

export interface ExperimentEditorProps {
  content: ContentDetail;
  readOnly: boolean;
  /** The experiment shown, or null for a new one. */
  experiment: Experiment | null;
  /** Whether the item had experiments before (the new one follows them). */
  follows: boolean;
  versions: ContentVersionSummary[];
  goals: Goal[];
  onChanged: (e: Experiment) => void;
}

type Status = { kind: 'idle' | 'busy' | 'done' | 'failed'; text: string };

/** One experiment's setup (editable while a draft) and its lifecycle buttons. */
export function ExperimentEditor(props: ExperimentEditorProps) {
  const { content, experiment, versions, goals } = props;
  const { api, workspace } = useWorkspace();
  const experiments = experimentsApi(api, workspace.id);
  const [form, setForm] = useState<ExperimentForm>(() =>
    experiment ? experimentToForm(experiment) : newExperimentForm(content.name, versions),
  );
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [status, setStatus] = useState<Status>({ kind: 'idle', text: '' });
  const editable = !props.readOnly && (!experiment || experiment.status === 'draft');
  const set = (change: Partial<ExperimentForm>) => setForm((f) => ({ ...f, ...change }));
  const issue = (path: string) => issues.find((x) => x.path === path)?.message;

  if (versions.length === 0 && !experiment) {
    return (
      <div class="experiment-panel">
        <p class="muted">
          Variants are published versions of this item. Publish it first, then come back to test it
          — against a holdout that sees nothing, or against another version.
        </p>
      </div>
    );
  }

  const run: RunAction = async (what, action, done) => {
    setStatus({ kind: 'busy', text: what });
    try {
      const next = await action();
      props.onChanged(next);
      setStatus({ kind: 'done', text: done });
    } catch (error) {
      if (error instanceof ApiError) setIssues(error.fieldIssues);
      setStatus({ kind: 'failed', text: describeError(error) });
    }
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const local = formIssues(form);
    setIssues(local);
    if (local.length) {
      setStatus({ kind: 'failed', text: 'Fix the highlighted fields, then save.' });
      return;
    }
    const body = formToBody(form, content.id);
    if (experiment) {
      const { contentId: _c, seed: _s, ...update } = body;
      await run('Saving…', () => experiments.update(experiment.id, update), 'Experiment saved.');
    } else {
      await run('Creating…', () => experiments.create(body), 'Experiment created as a draft.');
    }
  };

  const arms = form.variants.length + (form.holdout ? 1 : 0);
  return (
    <form class="experiment-panel" onSubmit={save} noValidate aria-label="Experiment">
      <div class="experiment-lifecycle">
        {experiment ? (
          <>
            <ExperimentStatusBadge status={experiment.status} />
            <span class="muted">Seed “{experiment.seed}”</span>
          </>
        ) : (
          <span class="muted">
            {props.follows ? 'New experiment on this item.' : 'No experiment on this item yet.'}
          </span>
        )}
        <Link href="/experiments">All experiments</Link>
      </div>
      <div class="field">
        <label for="experiment-name">Name</label>
        <input
          id="experiment-name"
          value={form.name}
          disabled={!editable}
          aria-invalid={issue('name') ? 'true' : undefined}
          onInput={(e) => set({ name: e.currentTarget.value })}
        />
        {issue('name') && <p class="field-error">{issue('name')}</p>}
      </div>
      <ExperimentArms form={form} versions={versions} editable={editable} issue={issue} set={set} />
      <ExperimentGoalFields form={form} goals={goals} editable={editable} issue={issue} set={set} />
      {!experiment && (
        <div class="field">
          <label for="experiment-seed">Seed (optional; default the experiment id)</label>
          <input
            id="experiment-seed"
            value={form.seed}
            disabled={!editable}
            onInput={(e) => set({ seed: e.currentTarget.value })}
          />
        </div>
      )}
      {form.goalId && <SampleSizeEstimate goalId={form.goalId} arms={arms} />}

      <p class="definition-status" role="status">
        {status.kind === 'busy' || status.kind === 'done' ? status.text : ''}
      </p>
      {status.kind === 'failed' && (
        <p class="alert" role="alert">
          {status.text}
        </p>
      )}
      {!props.readOnly && (
        <div class="experiment-lifecycle">
          {editable && (
            <button type="submit" class="button" aria-disabled={status.kind === 'busy'}>
              {experiment ? 'Save draft' : 'Create experiment'}
            </button>
          )}
          {experiment && <ExperimentLifecycle experiment={experiment} run={run} />}
        </div>
      )}
    </form>
  );
}

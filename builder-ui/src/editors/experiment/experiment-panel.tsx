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
import { goalsApi } from '../../api/goals';
import { Link } from '../../components/link';
import { LoadView } from '../../components/load-view';
import { useLoad } from '../../components/use-load';
import { ExperimentStatusBadge } from '../../pages/experiments/experiments-page';
import { useWorkspace } from '../../workspace-context';
import {
  experimentToForm,
  formIssues,
  formToBody,
  newExperimentForm,
  splitOf,
  type ExperimentForm,
  type VariantForm,
} from './experiment-form';
import { SampleSizeEstimate } from './sample-size-estimate';

export interface ExperimentPanelProps {
  content: ContentDetail;
  readOnly: boolean;
}

/** The item's experiment: variants, holdout, weights, goal, guardrails, sample size; lifecycle. */
export function ExperimentPanel({ content, readOnly }: ExperimentPanelProps) {
  const { api, workspace } = useWorkspace();
  const { load, reload, set } = useLoad(
    async (signal) => {
      const experiments = experimentsApi(api, workspace.id);
      const [all, versions, goals] = await Promise.all([
        experiments.list(signal),
        experiments.publishedVersions(content.id, signal),
        goalsApi(api, workspace.id).list(signal),
      ]);
      const mine = all
        .filter((e) => e.contentId === content.id)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      const open = mine.find((e) => e.status !== 'shipped') ?? mine[0] ?? null;
      return { experiment: open, versions, goals };
    },
    [api, workspace.id, content.id],
  );
  return (
    <LoadView load={load} what="the experiment" onRetry={reload}>
      {(data) => (
        <ExperimentEditor
          key={data.experiment?.id ?? 'new'}
          content={content}
          readOnly={readOnly}
          experiment={data.experiment}
          versions={data.versions}
          goals={data.goals}
          onChanged={(experiment) => set({ ...data, experiment })}
        />
      )}
    </LoadView>
  );
}

interface EditorProps {
  content: ContentDetail;
  readOnly: boolean;
  experiment: Experiment | null;
  versions: ContentVersionSummary[];
  goals: Goal[];
  onChanged: (e: Experiment) => void;
}

function ExperimentEditor(props: EditorProps) {
  const { content, experiment, versions, goals } = props;
  const { api, workspace } = useWorkspace();
  const experiments = experimentsApi(api, workspace.id);
  const [form, setForm] = useState<ExperimentForm>(() =>
    experiment ? experimentToForm(experiment) : newExperimentForm(content.name, versions),
  );
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [status, setStatus] = useState<{ kind: 'idle' | 'busy' | 'done' | 'failed'; text: string }>(
    { kind: 'idle', text: '' },
  );
  const [shipKey, setShipKey] = useState(experiment?.variants[0]?.key ?? '');
  const editable = !props.readOnly && (!experiment || experiment.status === 'draft');
  const set = (change: Partial<ExperimentForm>) => setForm((f) => ({ ...f, ...change }));
  const setVariant = (i: number, change: Partial<VariantForm>) =>
    set({ variants: form.variants.map((v, j) => (j === i ? { ...v, ...change } : v)) });
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

  const run = async (what: string, action: () => Promise<Experiment>, done: string) => {
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

  const split = splitOf(form);
  const versionLabel = (v: ContentVersionSummary) =>
    `Version ${v.version}${v.current ? ' (live)' : ''}`;
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
          <span class="muted">No experiment on this item yet.</span>
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

      <fieldset class="definition-choice">
        <legend>Arms and weights</legend>
        <label>
          <input
            type="checkbox"
            checked={form.holdout}
            disabled={!editable}
            onChange={(e) => set({ holdout: e.currentTarget.checked })}
          />
          Holdout (control): a share of users sees nothing
        </label>
      </fieldset>
      {split && (
        <div class="experiment-split" aria-hidden="true">
          {split.map((a) => (
            <span
              key={a.key}
              class={a.key === 'control' && form.holdout ? 'is-control' : ''}
              style={{ width: `${a.percent}%` }}
            />
          ))}
        </div>
      )}
      <ul class="experiment-arms" aria-label="Arms">
        {form.holdout && (
          <li class="experiment-arm">
            <strong>control</strong>
            <span class="muted">shows nothing; exposure recorded</span>
            <div class="rule-control">
              <label class="rule-control-label" for="holdout-weight">
                Weight
              </label>
              <input
                id="holdout-weight"
                class="rule-input"
                type="number"
                min={0}
                max={1000}
                value={form.holdoutWeight}
                disabled={!editable}
                aria-invalid={issue('holdout.weight') ? 'true' : undefined}
                onInput={(e) => set({ holdoutWeight: e.currentTarget.value })}
              />
            </div>
            <span class="experiment-share" data-testid="share-control">
              {split ? `${Math.round(split[0]!.percent * 10) / 10} %` : '—'}
            </span>
            {issue('holdout.weight') && <p class="field-error">{issue('holdout.weight')}</p>}
          </li>
        )}
        {form.variants.map((v, i) => {
          const share = split?.[i + (form.holdout ? 1 : 0)];
          return (
            <li class="experiment-arm" key={i}>
              <div class="rule-control">
                <label class="rule-control-label" for={`variant-${i}-key`}>
                  Variant key
                </label>
                <input
                  id={`variant-${i}-key`}
                  class="rule-input"
                  value={v.key}
                  disabled={!editable}
                  aria-invalid={issue(`variants.${i}.key`) ? 'true' : undefined}
                  onInput={(e) => setVariant(i, { key: e.currentTarget.value })}
                />
              </div>
              <div class="rule-control">
                <label class="rule-control-label" for={`variant-${i}-version`}>
                  Shows
                </label>
                <select
                  id={`variant-${i}-version`}
                  class="rule-input"
                  value={v.versionId}
                  disabled={!editable}
                  aria-invalid={issue(`variants.${i}.versionId`) ? 'true' : undefined}
                  onChange={(e) => setVariant(i, { versionId: e.currentTarget.value })}
                >
                  {!versions.some((x) => x.id === v.versionId) && (
                    <option value={v.versionId}>Choose a published version…</option>
                  )}
                  {versions.map((x) => (
                    <option key={x.id} value={x.id}>
                      {versionLabel(x)}
                    </option>
                  ))}
                </select>
              </div>
              <div class="rule-control">
                <label class="rule-control-label" for={`variant-${i}-weight`}>
                  Weight
                </label>
                <input
                  id={`variant-${i}-weight`}
                  class="rule-input"
                  type="number"
                  min={0}
                  max={1000}
                  value={v.weight}
                  disabled={!editable}
                  aria-invalid={issue(`variants.${i}.weight`) ? 'true' : undefined}
                  onInput={(e) => setVariant(i, { weight: e.currentTarget.value })}
                />
              </div>
              <span class="experiment-share" data-testid={`share-${v.key}`}>
                {share ? `${Math.round(share.percent * 10) / 10} %` : '—'}
              </span>
              {editable && form.variants.length > 1 && (
                <button
                  type="button"
                  class="button button-ghost button-small"
                  aria-label={`Remove variant ${v.key || i + 1}`}
                  onClick={() => set({ variants: form.variants.filter((_, j) => j !== i) })}
                >
                  Remove
                </button>
              )}
              {['key', 'versionId', 'weight'].map((f) =>
                issue(`variants.${i}.${f}`) ? (
                  <p class="field-error" key={f}>
                    {issue(`variants.${i}.${f}`)}
                  </p>
                ) : null,
              )}
            </li>
          );
        })}
      </ul>
      {issue('variants') && <p class="field-error">{issue('variants')}</p>}
      {editable && form.variants.length < 10 && (
        <div>
          <button
            type="button"
            class="button button-small"
            onClick={() =>
              set({
                variants: [
                  ...form.variants,
                  {
                    key: `variant-${form.variants.length + 1}`,
                    name: '',
                    versionId: versions[0]?.id ?? '',
                    weight: '50',
                  },
                ],
              })
            }
          >
            + Add variant
          </button>
        </div>
      )}

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
                  onChange={(e) =>
                    set({
                      guardrailGoalIds: e.currentTarget.checked
                        ? [...form.guardrailGoalIds, g.id]
                        : form.guardrailGoalIds.filter((id) => id !== g.id),
                    })
                  }
                />
                {g.name}
              </label>
            ))}
        </fieldset>
      )}
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
          {experiment && (experiment.status === 'draft' || experiment.status === 'stopped') && (
            <button
              type="button"
              class="button button-primary"
              onClick={() => {
                if (
                  window.confirm(
                    `Start “${experiment.name}”? Users are assigned to arms from now on and the setup can no longer change.`,
                  )
                ) {
                  void run(
                    'Starting…',
                    () => experiments.start(experiment.id),
                    'Experiment running.',
                  );
                }
              }}
            >
              Start
            </button>
          )}
          {experiment?.status === 'running' && (
            <button
              type="button"
              class="button"
              onClick={() => {
                if (
                  window.confirm(
                    `Stop “${experiment.name}”? Everyone gets the live version meanwhile.`,
                  )
                ) {
                  void run(
                    'Stopping…',
                    () => experiments.stop(experiment.id),
                    'Experiment stopped.',
                  );
                }
              }}
            >
              Stop
            </button>
          )}
          {experiment && (experiment.status === 'running' || experiment.status === 'stopped') && (
            <>
              <label class="visually-hidden" for="ship-variant">
                Variant to ship
              </label>
              <select
                id="ship-variant"
                class="rule-input"
                value={shipKey}
                onChange={(e) => setShipKey(e.currentTarget.value)}
              >
                {experiment.variants.map((v) => (
                  <option key={v.key} value={v.key}>
                    {v.key}
                  </option>
                ))}
              </select>
              <button
                type="button"
                class="button"
                onClick={() => {
                  if (
                    window.confirm(
                      `Ship “${shipKey}” to everyone? Its version is published and the experiment ends.`,
                    )
                  ) {
                    void run(
                      'Shipping…',
                      () => experiments.ship(experiment.id, shipKey),
                      `Shipped ${shipKey}.`,
                    );
                  }
                }}
              >
                Ship variant
              </button>
            </>
          )}
        </div>
      )}
    </form>
  );
}

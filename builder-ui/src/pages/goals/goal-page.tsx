import type { FieldIssue, Goal, GoalDefinition, Rule } from '@waymark/shared';
import { useState } from 'preact/hooks';
import { ApiError, describeError } from '../../api';
import { goalsApi } from '../../api/goals';
import { Link } from '../../components/link';
import { LoadView } from '../../components/load-view';
import { useLoad } from '../../components/use-load';
import { useTitle } from '../../components/use-title';
import { issuesUnder } from '../../editors/editor-props';
import { ComparisonField } from '../../editors/rules/comparison-field';
import { TextInput } from '../../editors/rules/controls';
import { RuleBuilder, ruleIssues } from '../../editors/rules/rule-builder';
import { draftToFilter, filterToDraft, type FilterDraft } from '../../editors/rules/rule-form';
import type { PageProps } from '../../page-props';
import { navigate, useLeaveGuard } from '../../router';
import { useCan, useWorkspace } from '../../workspace-context';
import { setFlash, takeFlash } from '../segments/flash';
import { GoalStatsPanel } from './goal-stats';

const NEW = 'new';

export function GoalPage({ params }: PageProps) {
  const id = params.goalId ?? NEW;
  const { api, workspace } = useWorkspace();
  const { load, reload, set } = useLoad<Goal | null>(
    (signal) => (id === NEW ? Promise.resolve(null) : goalsApi(api, workspace.id).get(id, signal)),
    [api, workspace.id, id],
  );
  return (
    <LoadView load={load} what="this goal" onRetry={reload}>
      {(goal) => <GoalEditor key={goal?.id ?? NEW} goal={goal} onSaved={set} />}
    </LoadView>
  );
}

interface Form {
  name: string;
  kind: 'event' | 'rule';
  event: string;
  where: FilterDraft[];
  rule: Rule | undefined;
}

const toForm = (goal: Goal | null): Form => {
  const d = goal?.definition;
  return {
    name: goal?.name ?? '',
    kind: d?.kind ?? 'event',
    event: d?.kind === 'event' ? d.event : '',
    where: d?.kind === 'event' ? d.where.map(filterToDraft) : [],
    rule: d?.kind === 'rule' ? d.rule : { all: [] },
  };
};

const toDefinition = (f: Form): GoalDefinition =>
  f.kind === 'event'
    ? { kind: 'event', event: f.event.trim(), where: f.where.map(draftToFilter) }
    : { kind: 'rule', rule: f.rule ?? { all: [] } };

function GoalEditor({ goal, onSaved }: { goal: Goal | null; onSaved: (g: Goal) => void }) {
  const { api, workspace } = useWorkspace();
  const goals = goalsApi(api, workspace.id);
  const canEdit = useCan('editor');
  const initial = toForm(goal);
  const [form, setForm] = useState<Form>(initial);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [status, setStatus] = useState<{ kind: 'idle' | 'busy' | 'done' | 'failed'; text: string }>(
    () => {
      const flash = takeFlash(goal?.id);
      return flash ? { kind: 'done', text: flash } : { kind: 'idle', text: '' };
    },
  );
  useTitle(goal ? `Goal: ${goal.name}` : 'New goal');
  const dirty =
    form.name !== initial.name ||
    JSON.stringify(toDefinition(form)) !== JSON.stringify(toDefinition(initial));
  useLeaveGuard(dirty ? 'This goal has unsaved changes. Leave without saving?' : null);
  const set = (change: Partial<Form>) => setForm((f) => ({ ...f, ...change }));

  const save = async (event: Event) => {
    event.preventDefault();
    const local: FieldIssue[] = [];
    if (!form.name.trim()) local.push({ path: 'name', message: 'Give the goal a name.' });
    if (form.kind === 'event' && !form.event.trim()) {
      local.push({ path: 'definition.event', message: 'Name the event that marks success.' });
    }
    if (form.kind === 'rule') {
      local.push(
        ...ruleIssues(form.rule).map((i) => ({ ...i, path: `definition.rule.${i.path}` })),
      );
    }
    if (local.length) {
      setIssues(local);
      setStatus({ kind: 'failed', text: 'Fix the highlighted fields, then save.' });
      return;
    }
    setIssues([]);
    setStatus({ kind: 'busy', text: 'Saving and computing completions…' });
    try {
      const body = { name: form.name.trim(), definition: toDefinition(form) };
      const saved = goal ? await goals.update(goal.id, body) : await goals.create(body);
      const message = `Saved. ${saved.completions} users reached it.`;
      if (!goal) {
        setFlash(saved.id, message);
        navigate(`/goals/${saved.id}`, { replace: true, force: true });
        return;
      }
      setStatus({ kind: 'done', text: message });
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError) setIssues(error.fieldIssues);
      setStatus({ kind: 'failed', text: describeError(error) });
    }
  };

  const remove = async () => {
    if (!goal || !window.confirm(`Delete the goal “${goal.name}” and its completions?`)) return;
    try {
      await goals.remove(goal.id);
      navigate('/goals', { force: true });
    } catch (error) {
      setStatus({ kind: 'failed', text: describeError(error) });
    }
  };

  const issue = (path: string) => issues.find((i) => i.path === path)?.message;
  const setFilter = (i: number, f: FilterDraft) =>
    set({ where: form.where.map((x, j) => (j === i ? f : x)) });
  return (
    <form class="definition-page" onSubmit={save} noValidate>
      <div class="page-head">
        <div>
          <p class="breadcrumb">
            <Link href="/goals">Goals</Link>
          </p>
          <h1>{goal ? goal.name : 'New goal'}</h1>
          {goal && (
            <p class="page-lede">{goal.completions.toLocaleString('en')} users reached it</p>
          )}
        </div>
        {canEdit && (
          <div class="definition-actions">
            {goal && (
              <button type="button" class="button definition-delete" onClick={remove}>
                Delete
              </button>
            )}
            <button
              type="submit"
              class="button button-primary"
              aria-disabled={status.kind === 'busy'}
            >
              {goal ? 'Save' : 'Create goal'}
            </button>
          </div>
        )}
      </div>
      <p class="definition-status" role="status">
        {status.kind === 'busy' || status.kind === 'done' ? status.text : ''}
      </p>
      {status.kind === 'failed' && (
        <p class="alert" role="alert">
          {status.text}
        </p>
      )}
      <div class="definition-main">
        <div class="field">
          <label for="goal-name">Name</label>
          <input
            id="goal-name"
            value={form.name}
            disabled={!canEdit}
            aria-invalid={issue('name') ? 'true' : undefined}
            onInput={(e) => set({ name: e.currentTarget.value })}
          />
          {issue('name') && <p class="field-error">{issue('name')}</p>}
        </div>
        <fieldset class="definition-choice">
          <legend>Reached when</legend>
          <label>
            <input
              type="radio"
              name="goal-kind"
              checked={form.kind === 'event'}
              disabled={!canEdit}
              onChange={() => set({ kind: 'event' })}
            />
            an event happens
          </label>
          <label>
            <input
              type="radio"
              name="goal-kind"
              checked={form.kind === 'rule'}
              disabled={!canEdit}
              onChange={() => set({ kind: 'rule' })}
            />
            a rule starts to hold
          </label>
        </fieldset>
        {form.kind === 'event' ? (
          <div class="rule-condition">
            <div class="rule-fields">
              <TextInput
                id="goal-event"
                label="Event name"
                value={form.event}
                placeholder="Integration Connected"
                onChange={(event) => set({ event })}
                disabled={!canEdit}
                invalid={Boolean(issue('definition.event'))}
              />
            </div>
            {issue('definition.event') && <p class="field-error">{issue('definition.event')}</p>}
            {form.where.length > 0 && (
              <ul class="rule-filters" aria-label="Property filters">
                {form.where.map((f, i) => (
                  <li key={i} class="rule-filter">
                    <TextInput
                      id={`goal-where-${i}-property`}
                      label={`Property ${i + 1}`}
                      value={f.property}
                      onChange={(property) => setFilter(i, { ...f, property })}
                      disabled={!canEdit}
                      invalid={Boolean(issue(`definition.where.${i}.property`))}
                    />
                    <ComparisonField
                      id={`goal-where-${i}`}
                      value={f}
                      onChange={(c) => setFilter(i, { ...f, ...c })}
                      disabled={!canEdit}
                    />
                    {canEdit && (
                      <button
                        type="button"
                        class="button button-ghost button-small rule-remove-inline"
                        aria-label={`Remove property filter ${i + 1}`}
                        onClick={() => set({ where: form.where.filter((_, j) => j !== i) })}
                      >
                        ✕
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {canEdit && (
              <div>
                <button
                  type="button"
                  class="button button-small"
                  onClick={() =>
                    set({
                      where: [...form.where, { property: '', op: 'eq', kind: 'text', text: '' }],
                    })
                  }
                >
                  + Property filter
                </button>
              </div>
            )}
          </div>
        ) : (
          <RuleBuilder
            rule={form.rule}
            onChange={(rule) => set({ rule })}
            issues={issuesUnder(issues, 'definition.rule')}
            readOnly={!canEdit}
            label="Goal rule"
            scope="server"
          />
        )}
        {goal && <GoalStatsPanel goalId={goal.id} />}
      </div>
    </form>
  );
}

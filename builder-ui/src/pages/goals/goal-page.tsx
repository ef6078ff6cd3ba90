import type { FieldIssue, Goal, GoalDefinition, Rule } from '@waymark/shared';
import { useState } from 'preact/hooks';
import { goalsApi } from '../../api/goals';
import { DefinitionActions } from '../../components/definition-actions';
import { DefinitionNameField } from '../../components/definition-name-field';
import { DefinitionStatus } from '../../components/definition-status';
import { stableJson } from '../../components/draft-store';
import { LoadView } from '../../components/load-view';
import { PageHead } from '../../components/page-head';
import { useDefinitionEditor } from '../../components/use-definition-editor';
import { useLoad } from '../../components/use-load';
import { useTitle } from '../../components/use-title';
import { issuesUnder } from '../../editors/editor-props';
import { ComparisonField } from '../../editors/rules/comparison-field';
import { TextInput } from '../../editors/rules/controls';
import { RuleBuilder, ruleIssues } from '../../editors/rules/rule-builder';
import { draftToFilter, filterToDraft, type FilterDraft } from '../../editors/rules/rule-form';
import type { PageProps } from '../../page-props';
import { useCan, useWorkspace } from '../../workspace-context';
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

const sameGoal = (a: Form, b: Form): boolean =>
  a.name === b.name && stableJson(toDefinition(a)) === stableJson(toDefinition(b));

function GoalEditor({ goal, onSaved }: { goal: Goal | null; onSaved: (g: Goal) => void }) {
  const { api, workspace } = useWorkspace();
  const canEdit = useCan('editor');
  const [form, setForm] = useState<Form>(() => toForm(goal));
  useTitle(goal ? `Goal: ${goal.name}` : 'New goal');
  const set = (change: Partial<Form>) => setForm((f) => ({ ...f, ...change }));
  const editor = useDefinitionEditor({
    item: goal,
    kind: 'goal',
    noun: 'goal',
    listPath: '/goals',
    client: goalsApi(api, workspace.id),
    form: { value: form, base: toForm(goal), apply: setForm, same: sameGoal },
    canEdit,
    validate: () => {
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
      return local;
    },
    body: () => ({ name: form.name.trim(), definition: toDefinition(form) }),
    savingText: 'Saving and computing completions…',
    savedText: (saved) => `Saved. ${saved.completions} users reached it.`,
    deleteQuestion: (g) => `Delete the goal “${g.name}” and its completions?`,
    onSaved,
  });
  const { issue, issues } = editor;

  const setFilter = (i: number, f: FilterDraft) =>
    set({ where: form.where.map((x, j) => (j === i ? f : x)) });
  return (
    <form class="definition-page" onSubmit={(e) => void editor.save(e)} noValidate>
      <PageHead
        parent={{ href: '/goals', label: 'Goals' }}
        title={goal ? goal.name : 'New goal'}
        lede={goal && `${goal.completions.toLocaleString('en')} users reached it`}
      >
        {canEdit && (
          <DefinitionActions editor={editor} saved={goal !== null} createLabel="Create goal" />
        )}
      </PageHead>
      <DefinitionStatus editor={editor} noun="goal" />
      <div class="definition-main">
        <DefinitionNameField
          id="goal-name"
          value={form.name}
          onValue={(name) => set({ name })}
          error={issue('name')}
          disabled={!canEdit}
        />
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

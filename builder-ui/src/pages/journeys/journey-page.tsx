import type { FieldIssue, Journey, JourneyStage } from '@waymark/shared';
import { useState } from 'preact/hooks';
import { journeysApi } from '../../api/journeys';
import { DefinitionActions } from '../../components/definition-actions';
import { DefinitionNameField } from '../../components/definition-name-field';
import { DefinitionStatus } from '../../components/definition-status';
import { LoadView } from '../../components/load-view';
import { PageHead } from '../../components/page-head';
import { moveItem, SortableList } from '../../components/sortable-list';
import { useDefinitionEditor } from '../../components/use-definition-editor';
import { useLoad } from '../../components/use-load';
import { useTitle } from '../../components/use-title';
import { issuesUnder } from '../../editors/editor-props';
import { RuleBuilder, ruleIssues } from '../../editors/rules/rule-builder';
import type { PageProps } from '../../page-props';
import { useCan, useWorkspace } from '../../workspace-context';
import { stageIdFrom } from './journey-format';
import { JourneyStatsPanel } from './journey-stats';

const NEW = 'new';

export function JourneyPage({ params }: PageProps) {
  const id = params.journeyId ?? NEW;
  const { api, workspace } = useWorkspace();
  const { load, reload, set } = useLoad<Journey | null>(
    (signal) =>
      id === NEW ? Promise.resolve(null) : journeysApi(api, workspace.id).get(id, signal),
    [api, workspace.id, id],
  );
  return (
    <LoadView load={load} what="this journey" onRetry={reload}>
      {(journey) => <JourneyEditor key={journey?.id ?? NEW} journey={journey} onSaved={set} />}
    </LoadView>
  );
}

/** Stages being edited keep a key of their own: ids may change while typing a new name. */
type StageForm = JourneyStage & { key: string };
let stageKeys = 0;
const withKey = (s: JourneyStage): StageForm => ({ ...s, key: `s${++stageKeys}` });
const plain = (list: StageForm[]): JourneyStage[] => list.map(({ key: _k, ...s }) => s);

const STARTER: JourneyStage[] = [
  { id: 'acquisition', name: 'Acquisition', rule: { all: [] } },
  { id: 'activation', name: 'Activation', rule: { all: [] } },
];

function JourneyEditor({
  journey,
  onSaved,
}: {
  journey: Journey | null;
  onSaved: (j: Journey) => void;
}) {
  const { api, workspace } = useWorkspace();
  const canEdit = useCan('editor');
  const [name, setName] = useState(journey?.name ?? '');
  const [stages, setStages] = useState<StageForm[]>(() =>
    (journey?.stages ?? STARTER).map(withKey),
  );
  useTitle(journey ? `Journey: ${journey.name}` : 'New journey');
  const setStage = (key: string, change: Partial<JourneyStage>) =>
    setStages((list) => list.map((s) => (s.key === key ? { ...s, ...change } : s)));
  const editor = useDefinitionEditor({
    item: journey,
    kind: 'journey',
    noun: 'journey',
    listPath: '/journeys',
    client: journeysApi(api, workspace.id),
    form: {
      value: { name, stages: plain(stages) },
      base: { name: journey?.name ?? '', stages: journey?.stages ?? STARTER },
      apply: (draft) => {
        setName(draft.name);
        setStages(draft.stages.map(withKey));
      },
    },
    canEdit,
    validate: () => {
      const local: FieldIssue[] = [];
      if (!name.trim()) local.push({ path: 'name', message: 'Give the journey a name.' });
      stages.forEach((s, i) => {
        if (!s.name.trim()) local.push({ path: `stages.${i}.name`, message: 'Name the stage.' });
        for (const issue of ruleIssues(s.rule)) {
          local.push({ ...issue, path: `stages.${i}.rule${issue.path ? `.${issue.path}` : ''}` });
        }
      });
      return local;
    },
    body: () => ({ name: name.trim(), stages: plain(stages) }),
    savingText: 'Saving and placing users in stages…',
    savedText: () => 'Saved.',
    deleteQuestion: (j) => `Delete the journey “${j.name}”?`,
    onSaved,
  });
  const { issue, issues } = editor;

  const addStage = () => {
    const taken = stages.map((s) => s.id);
    const stageName = `Stage ${stages.length + 1}`;
    setStages([
      ...stages,
      withKey({ id: stageIdFrom(stageName, taken), name: stageName, rule: { all: [] } }),
    ]);
  };
  return (
    <form class="definition-page" onSubmit={(e) => void editor.save(e)} noValidate>
      <PageHead
        parent={{ href: '/journeys', label: 'Journeys' }}
        title={journey ? journey.name : 'New journey'}
        lede="A user’s current stage is the furthest one whose rule holds for them."
      >
        {canEdit && (
          <DefinitionActions
            editor={editor}
            saved={journey !== null}
            createLabel="Create journey"
          />
        )}
      </PageHead>
      <DefinitionStatus editor={editor} noun="journey" />
      <div class="definition-main">
        <DefinitionNameField
          id="journey-name"
          value={name}
          onValue={setName}
          error={issue('name')}
          disabled={!canEdit}
        />
        <h2 class="definition-section-title">Stages, in order</h2>
        {issue('stages') && <p class="field-error">{issue('stages')}</p>}
        <SortableList
          items={stages}
          keyOf={(s) => s.key}
          labelOf={(s, i) => `Stage ${i + 1}: ${s.name}`}
          onMove={(from, to) => setStages((list) => moveItem(list, from, to))}
          label="Journey stages"
          disabled={!canEdit}
        >
          {(stage, i) => (
            <div class="journey-stage">
              <div class="journey-stage-head">
                <div class="field">
                  <label for={`stage-${stage.key}-name`}>Stage {i + 1} name</label>
                  <input
                    id={`stage-${stage.key}-name`}
                    value={stage.name}
                    disabled={!canEdit}
                    aria-invalid={issue(`stages.${i}.name`) ? 'true' : undefined}
                    onInput={(e) => {
                      const stageName = e.currentTarget.value;
                      const taken = stages.filter((s) => s.key !== stage.key).map((s) => s.id);
                      // Ids of saved stages stay (entries are recorded by id); new ones follow the name.
                      const saved = journey?.stages.some((s) => s.id === stage.id);
                      setStage(stage.key, {
                        name: stageName,
                        ...(saved ? {} : { id: stageIdFrom(stageName, taken) }),
                      });
                    }}
                  />
                  {issue(`stages.${i}.name`) && (
                    <p class="field-error">{issue(`stages.${i}.name`)}</p>
                  )}
                </div>
                {canEdit && stages.length > 1 && (
                  <button
                    type="button"
                    class="button button-ghost button-small rule-remove"
                    aria-label={`Remove stage ${i + 1}: ${stage.name}`}
                    onClick={() => setStages((list) => list.filter((s) => s.key !== stage.key))}
                  >
                    Remove stage
                  </button>
                )}
              </div>
              <RuleBuilder
                rule={stage.rule}
                onChange={(rule) => setStage(stage.key, { rule: rule ?? { all: [] } })}
                issues={issuesUnder(issues, `stages.${i}.rule`)}
                readOnly={!canEdit}
                label={`Entry rule of ${stage.name || `stage ${i + 1}`}`}
                scope="server"
              />
            </div>
          )}
        </SortableList>
        {canEdit && stages.length < 20 && (
          <div>
            <button type="button" class="button" onClick={addStage}>
              + Add stage
            </button>
          </div>
        )}
        {journey && <JourneyStatsPanel journeyId={journey.id} />}
      </div>
    </form>
  );
}

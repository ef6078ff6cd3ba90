import type { ContentDetail, ContentVersionSummary, Experiment, Goal } from '@waymark/shared';
import { useState } from 'preact/hooks';
import { experimentsApi } from '../../api/experiments';
import { goalsApi } from '../../api/goals';
import { LoadView } from '../../components/load-view';
import { useLoad } from '../../components/use-load';
import { useWorkspace } from '../../workspace-context';
import { ExperimentEditor } from './experiment-editor';
import { ExperimentHistory } from './experiment-history';
import { openExperimentOf, pastExperimentsOf, withExperiment } from './experiments-of-item';

export interface ExperimentPanelProps {
  content: ContentDetail;
  readOnly: boolean;
}

/** The item's experiments: the open (or latest) one in the editor, a new one, the past ones. */
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
      return {
        mine: withExperiment(all.filter((e) => e.contentId === content.id)),
        versions,
        goals,
      };
    },
    [api, workspace.id, content.id],
  );
  return (
    <LoadView load={load} what="the experiment" onRetry={reload}>
      {(data) => (
        <ItemExperiments
          content={content}
          readOnly={readOnly}
          {...data}
          onChanged={(experiment) => set({ ...data, mine: withExperiment(data.mine, experiment) })}
        />
      )}
    </LoadView>
  );
}

interface ItemExperimentsProps {
  content: ContentDetail;
  readOnly: boolean;
  /** The item's experiments, newest first. */
  mine: Experiment[];
  versions: ContentVersionSummary[];
  goals: Goal[];
  onChanged: (e: Experiment) => void;
}

/** Which experiment the editor shows: a chosen one, a new one, else the open or latest one. */
function ItemExperiments({ mine, onChanged, ...props }: ItemExperimentsProps) {
  const [choice, setChoice] = useState<string | 'new' | null>(null);
  const open = openExperimentOf(mine);
  const shown =
    choice === 'new' ? null : (mine.find((e) => e.id === choice) ?? open ?? mine[0] ?? null);
  const canStartNew = !props.readOnly && !open && choice !== 'new' && mine.length > 0;
  return (
    <div class="experiment-panel">
      {canStartNew && (
        <div class="experiment-next">
          <p class="muted">
            {shown ? `“${shown.name}” has ended. ` : ''}Test this item again with a new experiment;
            earlier ones stay below.
          </p>
          <button type="button" class="button button-primary" onClick={() => setChoice('new')}>
            New experiment
          </button>
        </div>
      )}
      <ExperimentEditor
        key={shown?.id ?? 'new'}
        {...props}
        experiment={shown}
        follows={mine.length > 0}
        onChanged={(experiment) => {
          onChanged(experiment);
          setChoice(experiment.id);
        }}
      />
      <ExperimentHistory
        past={pastExperimentsOf(mine)}
        shownId={shown?.id ?? null}
        onShow={setChoice}
      />
    </div>
  );
}

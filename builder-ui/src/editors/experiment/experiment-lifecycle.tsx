import type { Experiment } from '@waymark/shared';
import { useState } from 'preact/hooks';
import { experimentsApi } from '../../api/experiments';
import { useWorkspace } from '../../workspace-context';

/** Runs a lifecycle call with its busy and done texts; the editor shows them and the result. */
export type RunAction = (
  what: string,
  action: () => Promise<Experiment>,
  done: string,
) => Promise<void>;

interface ExperimentLifecycleProps {
  experiment: Experiment;
  run: RunAction;
}

/** Start (draft or stopped), stop (running) and ship a variant (running or stopped). */
export function ExperimentLifecycle({ experiment, run }: ExperimentLifecycleProps) {
  const { api, workspace } = useWorkspace();
  const experiments = experimentsApi(api, workspace.id);
  const [shipKey, setShipKey] = useState(experiment.variants[0]?.key ?? '');
  const { status, name } = experiment;

  const start = () => {
    const ask = `Start “${name}”? Users are assigned to arms from now on and the setup can no longer change.`;
    if (window.confirm(ask)) {
      void run('Starting…', () => experiments.start(experiment.id), 'Experiment running.');
    }
  };
  const stop = () => {
    if (window.confirm(`Stop “${name}”? Everyone gets the live version meanwhile.`)) {
      void run('Stopping…', () => experiments.stop(experiment.id), 'Experiment stopped.');
    }
  };
  const ship = () => {
    const ask = `Ship “${shipKey}” to everyone? Its version is published and the experiment ends.`;
    if (window.confirm(ask)) {
      void run('Shipping…', () => experiments.ship(experiment.id, shipKey), `Shipped ${shipKey}.`);
    }
  };

  return (
    <>
      {(status === 'draft' || status === 'stopped') && (
        <button type="button" class="button button-primary" onClick={start}>
          Start
        </button>
      )}
      {status === 'running' && (
        <button type="button" class="button" onClick={stop}>
          Stop
        </button>
      )}
      {(status === 'running' || status === 'stopped') && (
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
          <button type="button" class="button" onClick={ship}>
            Ship variant
          </button>
        </>
      )}
    </>
  );
}

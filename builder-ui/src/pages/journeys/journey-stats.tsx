import { useState } from 'preact/hooks';
import { journeysApi } from '../../api/journeys';
import { LoadView } from '../../components/load-view';
import { useLoad } from '../../components/use-load';
import { useWorkspace } from '../../workspace-context';
import { formatDuration, percent } from './journey-format';

/** Users per current stage, stage-to-stage conversion, time in stage and stalled users. */
export function JourneyStatsPanel({ journeyId }: { journeyId: string }) {
  const { api, workspace } = useWorkspace();
  const [stallDays, setStallDays] = useState(14);
  const { load, reload } = useLoad(
    (signal) => journeysApi(api, workspace.id).stats(journeyId, stallDays, signal),
    [api, workspace.id, journeyId, stallDays],
  );
  return (
    <section class="journey-stats goal-stats" aria-labelledby="journey-stats-title">
      <div class="journey-stage-head">
        <h2 id="journey-stats-title" class="definition-section-title">
          Where users are
        </h2>
        <label class="rule-control">
          <span class="rule-control-label">Stalled after (days)</span>
          <input
            class="rule-input"
            type="number"
            min={1}
            value={stallDays}
            onChange={(e) => {
              const n = Number(e.currentTarget.value);
              if (Number.isFinite(n) && n > 0) setStallDays(n);
            }}
          />
        </label>
      </div>
      <LoadView load={load} what="journey stats" onRetry={reload}>
        {(stats) => {
          const max = Math.max(1, ...stats.stages.map((s) => s.current));
          return (
            <>
              <div class="table-card">
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">Stage</th>
                      <th scope="col">Users now</th>
                      <th scope="col" class="cell-number">
                        Ever entered
                      </th>
                      <th scope="col" class="cell-number">
                        To next stage
                      </th>
                      <th scope="col" class="cell-number">
                        Time in stage (median / p90)
                      </th>
                      <th scope="col" class="cell-number">
                        Stalled
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {stats.stages.map((s) => (
                      <tr key={s.id} data-testid={`stage-row-${s.id}`}>
                        <th scope="row" class="cell-name">
                          {s.name}
                        </th>
                        <td>
                          <span
                            class="journey-bar"
                            style={{ width: `${Math.round((s.current / max) * 80) + 2}px` }}
                            aria-hidden="true"
                          />
                          {s.current.toLocaleString('en')}
                        </td>
                        <td class="cell-number">{s.entered.toLocaleString('en')}</td>
                        <td class="cell-number">{percent(s.conversionToNext)}</td>
                        <td class="cell-number">
                          {formatDuration(s.timeInStage.median)} /{' '}
                          {formatDuration(s.timeInStage.p90)}
                        </td>
                        <td
                          class={`cell-number${s.id === stats.mostStalled ? ' journey-stalled' : ''}`}
                        >
                          {s.stalled.toLocaleString('en')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p class="muted">
                {stats.mostStalled
                  ? `Most users stall at “${stats.stages.find((s) => s.id === stats.mostStalled)?.name ?? stats.mostStalled}” (more than ${stallDays} days without moving on).`
                  : `No one has been stuck in a stage for more than ${stallDays} days.`}
              </p>
            </>
          );
        }}
      </LoadView>
    </section>
  );
}

import { useState } from 'preact/hooks';
import { goalsApi } from '../../api/goals';
import { LoadView } from '../../components/load-view';
import { useLoad } from '../../components/use-load';
import { useWorkspace } from '../../workspace-context';
import { chartModel } from './goal-chart';

type Interval = 'day' | 'week' | 'month';

/** Completion totals and the rate over time, as a small SVG chart with a table fallback. */
export function GoalStatsPanel({ goalId }: { goalId: string }) {
  const { api, workspace } = useWorkspace();
  const [interval, setInterval] = useState<Interval>('day');
  const { load, reload } = useLoad(
    (signal) => goalsApi(api, workspace.id).stats(goalId, interval, signal),
    [api, workspace.id, goalId, interval],
  );
  return (
    <section class="goal-stats" aria-labelledby="goal-stats-title">
      <div class="journey-stage-head">
        <h2 id="goal-stats-title" class="definition-section-title">
          Completion
        </h2>
        <label class="rule-control">
          <span class="rule-control-label">Per</span>
          <select
            class="rule-input"
            value={interval}
            onChange={(e) => setInterval(e.currentTarget.value as Interval)}
          >
            <option value="day">day</option>
            <option value="week">week</option>
            <option value="month">month</option>
          </select>
        </label>
      </div>
      <LoadView load={load} what="completion stats" onRetry={reload}>
        {(stats) => {
          const model = chartModel(stats.series);
          return (
            <>
              <dl class="goal-totals">
                <div>
                  <dt>Completions</dt>
                  <dd data-testid="goal-completions">{stats.completions.toLocaleString('en')}</dd>
                </div>
                <div>
                  <dt>Users seen</dt>
                  <dd>{stats.users.toLocaleString('en')}</dd>
                </div>
                <div>
                  <dt>Completion rate</dt>
                  <dd data-testid="goal-rate">{(stats.rate * 100).toFixed(1)} %</dd>
                </div>
              </dl>
              {stats.series.length === 0 ? (
                <p class="muted">No completions in this period yet.</p>
              ) : (
                <figure class="goal-figure">
                  <svg
                    class="goal-chart"
                    viewBox={`0 0 ${model.width} ${model.height}`}
                    role="img"
                    aria-label={`Completions per ${interval} (bars) and cumulative completion rate (line)`}
                  >
                    {model.ticks.map(([y, label]) => (
                      <g key={label}>
                        <line class="goal-chart-grid" x1={44} x2={model.width - 28} y1={y} y2={y} />
                        <text class="goal-chart-axis" x={40} y={y + 4} text-anchor="end">
                          {label}
                        </text>
                      </g>
                    ))}
                    {model.bars.map((b) => (
                      <rect
                        key={b.label}
                        class="goal-chart-bar"
                        x={b.x}
                        y={b.y}
                        width={b.w}
                        height={b.h}
                      >
                        <title>{b.label}</title>
                      </rect>
                    ))}
                    <path class="goal-chart-line" d={model.line} />
                    {model.dots.map((d, i) => (
                      <circle key={i} class="goal-chart-dot" cx={d.x} cy={d.y} r={3} />
                    ))}
                    {model.labels.map((l) => (
                      <text
                        key={l.text}
                        class="goal-chart-axis"
                        x={l.x}
                        y={model.height - 8}
                        text-anchor="middle"
                      >
                        {l.text}
                      </text>
                    ))}
                  </svg>
                  <figcaption class="muted">
                    Bars: completions per {interval}. Line: completions so far ÷ users seen so far.
                  </figcaption>
                </figure>
              )}
            </>
          );
        }}
      </LoadView>
    </section>
  );
}

import { useEffect, useRef, useState } from 'preact/hooks';
import { goalsApi } from '../../api/goals';
import { useWorkspace } from '../../workspace-context';
import { sampleSizePerArm } from './sample-size';

const pct = (n: number) => `${Math.round(n * 1000) / 10} %`;

/**
 * "With a 12 % baseline, detecting +2 pp needs ≈ 4,438 users per arm": the baseline comes from
 * the goal's completion rate (editable), the lift is the author's.
 */
export function SampleSizeEstimate({ goalId, arms }: { goalId: string; arms: number }) {
  const { api, workspace } = useWorkspace();
  const [baselineText, setBaselineText] = useState('');
  const [liftText, setLiftText] = useState('2');
  const [source, setSource] = useState('');
  /** Once the author typed a baseline, the goal's rate no longer replaces it. */
  const typed = useRef(false);
  useEffect(() => {
    if (!goalId) return;
    const controller = new AbortController();
    goalsApi(api, workspace.id)
      .stats(goalId, 'month', controller.signal)
      .then(
        (stats) => {
          if (controller.signal.aborted) return;
          const rate = Math.round(stats.rate * 1000) / 10;
          if (!typed.current) setBaselineText(String(rate > 0 ? rate : 10));
          setSource(
            rate > 0
              ? `from the goal: ${stats.completions} of ${stats.users} users`
              : 'the goal has no completions yet; 10 % assumed',
          );
        },
        () => setSource('could not read the goal’s rate; enter a baseline'),
      );
    return () => controller.abort();
  }, [api, workspace.id, goalId]);
  const baseline = Number(baselineText) / 100;
  const lift = Number(liftText) / 100;
  const n =
    Number.isFinite(baseline) && Number.isFinite(lift) ? sampleSizePerArm(baseline, lift) : null;
  return (
    <section class="experiment-estimate" aria-labelledby="estimate-title">
      <h2 id="estimate-title" class="definition-section-title">
        Sample size
      </h2>
      <div class="rule-fields">
        <div class="rule-control">
          <label class="rule-control-label" for="estimate-baseline">
            Baseline rate (%)
          </label>
          <input
            id="estimate-baseline"
            class="rule-input"
            type="number"
            min={0}
            max={100}
            step={0.1}
            value={baselineText}
            onInput={(e) => {
              typed.current = true;
              setBaselineText(e.currentTarget.value);
            }}
          />
        </div>
        <div class="rule-control">
          <label class="rule-control-label" for="estimate-lift">
            Lift to detect (pp)
          </label>
          <input
            id="estimate-lift"
            class="rule-input"
            type="number"
            step={0.1}
            value={liftText}
            onInput={(e) => setLiftText(e.currentTarget.value)}
          />
        </div>
      </div>
      <p aria-live="polite" data-testid="sample-size">
        {n === null ? (
          <span class="muted">
            Enter a baseline between 0 and 100 % and a lift that keeps it so.
          </span>
        ) : (
          <>
            With a {pct(baseline)} baseline, detecting {lift >= 0 ? '+' : '−'}
            {Math.abs(Number(liftText))} pp needs ≈ <strong>{n.toLocaleString('en')}</strong> users
            per arm ({(n * arms).toLocaleString('en')} in all over {arms} arms).
          </>
        )}
      </p>
      <p class="muted">
        Two-sided two-proportion z-test, α = 0.05, power 0.8{source ? `; baseline ${source}` : ''}.
      </p>
    </section>
  );
}

import type { ContentVersionSummary } from '@waymark/shared';
import { splitOf, type ExperimentForm, type VariantForm } from './experiment-form';

interface ExperimentArmsProps {
  form: ExperimentForm;
  versions: ContentVersionSummary[];
  editable: boolean;
  issue: (path: string) => string | undefined;
  set: (change: Partial<ExperimentForm>) => void;
}

const percent = (value: number | undefined): string =>
  value === undefined ? '—' : `${Math.round(value * 10) / 10} %`;

const versionLabel = (v: ContentVersionSummary) =>
  `Version ${v.version}${v.current ? ' (live)' : ''}`;

/** The holdout switch, the split bar, and one row per arm with its version and weight. */
export function ExperimentArms({ form, versions, editable, issue, set }: ExperimentArmsProps) {
  const split = splitOf(form);
  const setVariant = (i: number, change: Partial<VariantForm>) =>
    set({ variants: form.variants.map((v, j) => (j === i ? { ...v, ...change } : v)) });
  const addVariant = () =>
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
    });

  return (
    <>
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
              {percent(split?.[0]?.percent)}
            </span>
            {issue('holdout.weight') && <p class="field-error">{issue('holdout.weight')}</p>}
          </li>
        )}
        {form.variants.map((v, i) => (
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
              {percent(split?.[i + (form.holdout ? 1 : 0)]?.percent)}
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
        ))}
      </ul>
      {issue('variants') && <p class="field-error">{issue('variants')}</p>}
      {editable && form.variants.length < 10 && (
        <div>
          <button type="button" class="button button-small" onClick={addVariant}>
            + Add variant
          </button>
        </div>
      )}
    </>
  );
}

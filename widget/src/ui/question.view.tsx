import type { JsonValue } from '../core/surface.port';
import type { SurveyQuestion } from '@waymark/shared';
import { scaleOf } from '../core/survey.machine';
import { vhCss } from './base.styles';
import type { Translate } from './blocks.view';

interface Props {
  question: SurveyQuestion;
  value: JsonValue | undefined;
  titleId: string;
  t: Translate;
  pick(value: JsonValue): void;
}

/**
 * The input for one question, built from native radios, checkboxes and a textarea (keyboard
 * and screen-reader behaviour for free): scales (NPS, CSAT, CES, numbers or stars), single and
 * multiple choice, open text.
 */
export function QuestionInput({ question, value, titleId, t, pick }: Props) {
  const name = `q-${question.id}`;
  const scale = scaleOf(question);
  if (scale) {
    const stars = question.type === 'rating' && question.style === 'stars';
    const points = Array.from({ length: scale.to - scale.from + 1 }, (_, i) => scale.from + i);
    const low = 'lowLabel' in question ? question.lowLabel : undefined;
    const high = 'highLabel' in question ? question.highLabel : undefined;
    return (
      <>
        <div class={stars ? 'scale stars' : 'scale'} role="radiogroup" aria-labelledby={titleId}>
          {points.map((n) => (
            <label
              key={n}
              class={typeof value === 'number' && (stars ? n <= value : n === value) ? 'on' : ''}
            >
              <input
                class="vh"
                type="radio"
                name={name}
                checked={value === n}
                aria-label={stars ? `${n} ${t('of')} ${scale.to}` : undefined}
                onChange={() => pick(n)}
              />
              <span aria-hidden={stars ? 'true' : undefined}>{stars ? '★' : n}</span>
            </label>
          ))}
        </div>
        {(low || high) && (
          <div class="ends" aria-hidden="true">
            <span>{low}</span>
            <span>{high}</span>
          </div>
        )}
      </>
    );
  }
  if (question.type === 'text') {
    return (
      <textarea
        aria-labelledby={titleId}
        maxLength={question.maxLength}
        placeholder={question.placeholder}
        value={typeof value === 'string' ? value : ''}
        onInput={(event) => pick(event.currentTarget.value)}
      />
    );
  }
  if (question.type !== 'single' && question.type !== 'multi') return null;
  const multi = question.type === 'multi';
  const chosen = Array.isArray(value) ? value : [value];
  return (
    <div class="opts" role={multi ? 'group' : 'radiogroup'} aria-labelledby={titleId}>
      {question.options.map((option) => (
        <label key={option.id}>
          <input
            class="vh"
            type={multi ? 'checkbox' : 'radio'}
            name={name}
            checked={chosen.includes(option.id)}
            onChange={() =>
              pick(
                multi
                  ? chosen.includes(option.id)
                    ? chosen.filter(
                        (id): id is string => typeof id === 'string' && id !== option.id,
                      )
                    : [...chosen.filter((id): id is string => typeof id === 'string'), option.id]
                  : option.id,
              )
            }
          />
          <span>{option.label}</span>
        </label>
      ))}
    </div>
  );
}

export const questionCss =
  '.scale{display:flex;flex-wrap:wrap;gap:4px;margin:12px 0 4px}' +
  '.scale label{flex:1 1 0;min-width:0}' +
  '.scale span,.opts span{display:block;padding:6px 0;font-size:13px;border-radius:6px;box-shadow:inset 0 0 0 1px #8889;text-align:center;cursor:pointer;font-weight:600}' +
  '.on span,input:checked+span{background:var(--a);color:var(--at);box-shadow:none}' +
  'input:focus-visible+span{outline:2px solid var(--a);outline-offset:2px}' +
  '.stars{gap:0}.stars label{flex:0 0 auto}.stars span{padding:0 3px;box-shadow:none;font-size:26px;line-height:1.2;color:#98a2b3}' +
  '.stars .on span{background:none;color:#d97706}' +
  '.ends{display:flex;justify-content:space-between;gap:8px;font-size:12px;opacity:.8}' +
  '.opts{display:grid;gap:6px;margin:12px 0}.opts span{padding:8px 12px;text-align:start;font-weight:500}' +
  'textarea{all:unset;box-sizing:border-box;display:block;width:100%;min-height:84px;margin:12px 0 0;padding:8px 10px;border-radius:8px;box-shadow:inset 0 0 0 1px #8889;white-space:pre-wrap;overflow-wrap:anywhere;font:inherit}' +
  'textarea:focus-visible{box-shadow:inset 0 0 0 2px var(--a);outline:0}' +
  vhCss;

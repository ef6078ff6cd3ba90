import type { FieldIssue } from '@waymark/shared';
import { useAppUrl } from '../../api/workspace';
import { ClientConditionFields } from './client-condition-fields';
import { ComparisonField } from './comparison-field';
import { EventFields } from './event-fields';
import { SurveyAnswerFields } from './survey-answer-fields';
import { hasIssue as has } from './issues';
import { TIME_OPS } from './condition-types';
import { Select, TextInput } from './controls';
import { comparisonTakesDays, type ConditionDraft } from './rule-form';
import type { RuleRefs } from './use-rule-refs';

interface Props {
  id: string;
  draft: ConditionDraft;
  onChange: (draft: ConditionDraft) => void;
  disabled: boolean;
  refs: RuleRefs;
  /** Issues under this condition, paths relative to it (`key`, `where.0.value`). */
  issues: readonly FieldIssue[];
}

const pick = (refsReady: boolean, what: string) => (refsReady ? `Choose ${what}…` : 'Loading…');

/** The fields of one condition, by kind. */
export function ConditionFields({ id, draft, onChange, disabled, refs, issues }: Props) {
  const appUrl = useAppUrl();
  const d = draft;
  switch (d.type) {
    case 'trait':
    case 'company_trait':
      return (
        <>
          <TextInput
            id={`${id}-key`}
            label={d.type === 'trait' ? 'Trait' : 'Company trait'}
            value={d.key}
            placeholder="plan"
            onChange={(key) => onChange({ ...d, key })}
            disabled={disabled}
            invalid={has(issues, 'key')}
          />
          <ComparisonField
            id={id}
            value={d.cmp}
            onChange={(cmp) => onChange({ ...d, cmp })}
            disabled={disabled}
            invalid={has(issues, 'value')}
          />
        </>
      );
    case 'event':
      return (
        <EventFields id={id} draft={d} onChange={onChange} disabled={disabled} issues={issues} />
      );
    case 'sequence':
      return (
        <>
          {d.steps.map((step, i) => (
            <div class="rule-inline" key={i}>
              <TextInput
                id={`${id}-step-${i}`}
                label={i === 0 ? 'First event' : `Then event ${i + 1}`}
                value={step}
                onChange={(value) =>
                  onChange({ ...d, steps: d.steps.map((s, j) => (j === i ? value : s)) })
                }
                disabled={disabled}
                invalid={has(issues, `steps.${i}`)}
              />
              {d.steps.length > 2 && !disabled && (
                <button
                  type="button"
                  class="button button-ghost button-small rule-remove-inline"
                  aria-label={`Remove event ${i + 1} of the sequence`}
                  onClick={() => onChange({ ...d, steps: d.steps.filter((_, j) => j !== i) })}
                >
                  ✕
                </button>
              )}
            </div>
          ))}
          {!disabled && d.steps.length < 10 && (
            <button
              type="button"
              class="button button-small rule-add-inline"
              onClick={() => onChange({ ...d, steps: [...d.steps, ''] })}
            >
              + Then another event
            </button>
          )}
          <TextInput
            id={`${id}-within`}
            label="All within (days)"
            type="number"
            min={1}
            value={d.withinDays}
            onChange={(withinDays) => onChange({ ...d, withinDays })}
            disabled={disabled}
            invalid={has(issues, 'within')}
          />
        </>
      );
    case 'first_seen':
    case 'last_seen':
      return (
        <>
          <Select
            id={`${id}-op`}
            label="When"
            value={d.op}
            options={TIME_OPS.map((o) => ({ value: o.op, label: o.label }))}
            onChange={(op) =>
              onChange({
                ...d,
                op,
                text: comparisonTakesDays(op) === comparisonTakesDays(d.op) ? d.text : '',
              })
            }
            disabled={disabled}
          />
          <TextInput
            id={`${id}-value`}
            label={comparisonTakesDays(d.op) ? 'Days' : 'Date and time'}
            type={comparisonTakesDays(d.op) ? 'number' : 'text'}
            placeholder={comparisonTakesDays(d.op) ? '14' : '2025-01-31T00:00:00Z'}
            value={d.text}
            onChange={(text) => onChange({ ...d, text })}
            disabled={disabled}
            invalid={has(issues, 'value')}
          />
        </>
      );
    case 'survey_answer':
      return (
        <SurveyAnswerFields
          id={id}
          draft={d}
          onChange={onChange}
          disabled={disabled}
          refs={refs}
          issues={issues}
        />
      );
    case 'content':
      return (
        <>
          <Select
            id={`${id}-state`}
            label="Has"
            value={d.state}
            options={[
              { value: 'seen', label: 'seen' },
              { value: 'completed', label: 'completed' },
              { value: 'dismissed', label: 'dismissed' },
              { value: 'not_seen', label: 'not seen' },
            ]}
            onChange={(state) => onChange({ ...d, state })}
            disabled={disabled}
          />
          <Select
            id={`${id}-content`}
            label="Content"
            value={d.contentId}
            placeholder={pick(refs.ready, 'content')}
            options={refs.content.map((c) => ({ value: c.id, label: c.name }))}
            onChange={(contentId) => onChange({ ...d, contentId })}
            disabled={disabled}
            invalid={has(issues, 'contentId')}
          />
        </>
      );
    case 'goal':
      return (
        <>
          <Select
            id={`${id}-reached`}
            label="Has"
            value={d.reached ? 'yes' : 'no'}
            options={[
              { value: 'yes', label: 'reached' },
              { value: 'no', label: 'not reached' },
            ]}
            onChange={(v) => onChange({ ...d, reached: v === 'yes' })}
            disabled={disabled}
          />
          <Select
            id={`${id}-goal`}
            label="Goal"
            value={d.goalId}
            placeholder={pick(refs.ready, 'a goal')}
            options={refs.goals.map((g) => ({ value: g.id, label: g.name }))}
            onChange={(goalId) => onChange({ ...d, goalId })}
            disabled={disabled}
            invalid={has(issues, 'goalId')}
          />
        </>
      );
    case 'journey_stage': {
      const journey = refs.journeys.find((j) => j.id === d.journeyId);
      return (
        <>
          <Select
            id={`${id}-journey`}
            label="Journey"
            value={d.journeyId}
            placeholder={pick(refs.ready, 'a journey')}
            options={refs.journeys.map((j) => ({ value: j.id, label: j.name }))}
            onChange={(journeyId) =>
              onChange({
                ...d,
                journeyId,
                stageId: refs.journeys.find((j) => j.id === journeyId)?.stages[0]?.id ?? '',
              })
            }
            disabled={disabled}
            invalid={has(issues, 'journeyId')}
          />
          <Select
            id={`${id}-stage`}
            label="Current stage"
            value={d.stageId}
            placeholder={journey ? 'Choose a stage…' : 'Choose a journey first'}
            options={(journey?.stages ?? []).map((s) => ({ value: s.id, label: s.name }))}
            onChange={(stageId) => onChange({ ...d, stageId })}
            disabled={disabled}
            invalid={has(issues, 'stageId')}
          />
        </>
      );
    }
    case 'segment':
      return (
        <>
          <Select
            id={`${id}-member`}
            label="Is"
            value={d.member ? 'in' : 'out'}
            options={[
              { value: 'in', label: 'in' },
              { value: 'out', label: 'not in' },
            ]}
            onChange={(v) => onChange({ ...d, member: v === 'in' })}
            disabled={disabled}
          />
          <Select
            id={`${id}-segment`}
            label="Segment"
            value={d.segmentId}
            placeholder={pick(refs.ready, 'a segment')}
            options={refs.segments.map((s) => ({ value: s.id, label: s.name }))}
            onChange={(segmentId) => onChange({ ...d, segmentId })}
            disabled={disabled}
            invalid={has(issues, 'segmentId')}
          />
        </>
      );
    default:
      return (
        <ClientConditionFields
          id={id}
          draft={d}
          onChange={onChange}
          disabled={disabled}
          issues={issues}
          appUrl={appUrl}
        />
      );
  }
}

import type { FieldIssue } from '@waymark/shared';
import { useAppUrl } from '../../api/workspace';
import { TargetField } from '../../picker/target-field';
import { ComparisonField } from './comparison-field';
import { TIME_OPS } from './condition-types';
import { Select, TextInput } from './controls';
import { comparisonTakesDays, type ConditionDraft, type FilterDraft } from './rule-form';
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

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const has = (issues: readonly FieldIssue[], path: string) =>
  issues.some((i) => i.path === path || i.path.startsWith(`${path}.`));

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
        <>
          <Select
            id={`${id}-survey`}
            label="Survey"
            value={d.contentId}
            placeholder={pick(refs.ready, 'a survey')}
            options={refs.content
              .filter((c) => c.kind === 'survey')
              .map((c) => ({ value: c.id, label: c.name }))}
            onChange={(contentId) => onChange({ ...d, contentId })}
            disabled={disabled}
            invalid={has(issues, 'contentId')}
          />
          <TextInput
            id={`${id}-question`}
            label="Question id (optional)"
            value={d.questionId}
            onChange={(questionId) => onChange({ ...d, questionId })}
            disabled={disabled}
          />
          <ComparisonField
            id={id}
            value={d.cmp}
            ops={['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'not_in', 'contains', 'exists']}
            onChange={(cmp) => onChange({ ...d, cmp })}
            disabled={disabled}
            invalid={has(issues, 'value')}
          />
        </>
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
    case 'page':
      return (
        <>
          <Select
            id={`${id}-op`}
            label="Page URL"
            value={d.op}
            options={[
              { value: 'eq', label: 'is' },
              { value: 'contains', label: 'contains' },
              { value: 'starts_with', label: 'starts with' },
              { value: 'matches', label: 'matches (* = anything)' },
            ]}
            onChange={(op) => onChange({ ...d, op })}
            disabled={disabled}
          />
          <TextInput
            id={`${id}-value`}
            label="Path or URL"
            value={d.value}
            placeholder="/projects/*"
            onChange={(value) => onChange({ ...d, value })}
            disabled={disabled}
            invalid={has(issues, 'value')}
            wide
          />
        </>
      );
    case 'element':
      return (
        <>
          <Select
            id={`${id}-state`}
            label="Element is"
            value={d.state}
            options={[
              { value: 'visible', label: 'visible' },
              { value: 'present', label: 'present' },
              { value: 'absent', label: 'absent' },
            ]}
            onChange={(state) => onChange({ ...d, state })}
            disabled={disabled}
          />
          <div class="rule-control rule-control-wide">
            <TargetField
              id={`${id}-target`}
              label="Element"
              value={d.target}
              onChange={(target) => onChange({ ...d, target })}
              appUrl={appUrl}
              issues={issues.filter((i) => i.path.startsWith('target'))}
              readOnly={disabled}
            />
          </div>
        </>
      );
    case 'device':
      return (
        <>
          <Select
            id={`${id}-kind`}
            label="Device"
            value={d.kind}
            options={[
              { value: '', label: 'any' },
              { value: 'mobile', label: 'mobile (< 768 px)' },
              { value: 'tablet', label: 'tablet (< 1024 px)' },
              { value: 'desktop', label: 'desktop' },
            ]}
            onChange={(kind) => onChange({ ...d, kind })}
            disabled={disabled}
          />
          <TextInput
            id={`${id}-min`}
            label="Min width (px)"
            type="number"
            min={0}
            value={d.minWidth}
            onChange={(minWidth) => onChange({ ...d, minWidth })}
            disabled={disabled}
            invalid={has(issues, 'minWidth')}
          />
          <TextInput
            id={`${id}-max`}
            label="Max width (px)"
            type="number"
            min={0}
            value={d.maxWidth}
            onChange={(maxWidth) => onChange({ ...d, maxWidth })}
            disabled={disabled}
            invalid={has(issues, 'maxWidth')}
          />
        </>
      );
    case 'locale':
      return (
        <>
          <Select
            id={`${id}-op`}
            label="Locale"
            value={d.op}
            options={[
              { value: 'eq', label: 'is' },
              { value: 'in', label: 'is one of' },
              { value: 'starts_with', label: 'language is' },
            ]}
            onChange={(op) => onChange({ ...d, op })}
            disabled={disabled}
          />
          <TextInput
            id={`${id}-value`}
            label={d.op === 'in' ? 'Locales (comma-separated)' : 'Locale'}
            value={d.text}
            placeholder="en-GB"
            onChange={(text) => onChange({ ...d, text })}
            disabled={disabled}
            invalid={has(issues, 'value')}
          />
        </>
      );
    case 'time_window':
      return (
        <>
          <fieldset class="rule-days">
            <legend class="rule-control-label">Days (none = every day)</legend>
            {WEEKDAYS.map((name, day) => (
              <label key={name} class="rule-day">
                <input
                  type="checkbox"
                  checked={d.days.includes(day)}
                  disabled={disabled}
                  onChange={(event) =>
                    onChange({
                      ...d,
                      days: event.currentTarget.checked
                        ? [...d.days, day].sort()
                        : d.days.filter((x) => x !== day),
                    })
                  }
                />
                {name}
              </label>
            ))}
          </fieldset>
          <TextInput
            id={`${id}-start`}
            label="From hour"
            type="number"
            min={0}
            max={23}
            value={d.startHour}
            onChange={(startHour) => onChange({ ...d, startHour })}
            disabled={disabled}
            invalid={has(issues, 'startHour')}
          />
          <TextInput
            id={`${id}-end`}
            label="Until hour"
            type="number"
            min={1}
            max={24}
            value={d.endHour}
            onChange={(endHour) => onChange({ ...d, endHour })}
            disabled={disabled}
            invalid={has(issues, 'endHour')}
          />
          <TextInput
            id={`${id}-tz`}
            label="Time zone"
            value={d.timezone}
            list="rule-time-zones"
            onChange={(timezone) => onChange({ ...d, timezone })}
            disabled={disabled}
            invalid={has(issues, 'timezone')}
          />
        </>
      );
  }
}

type EventDraft = Extract<ConditionDraft, { type: 'event' }>;

function EventFields(props: {
  id: string;
  draft: EventDraft;
  onChange: (draft: ConditionDraft) => void;
  disabled: boolean;
  issues: readonly FieldIssue[];
}) {
  const { id, draft: d, onChange, disabled, issues } = props;
  const setFilter = (i: number, filter: FilterDraft) =>
    onChange({ ...d, where: d.where.map((f, j) => (j === i ? filter : f)) });
  return (
    <>
      <TextInput
        id={`${id}-name`}
        label="Event name"
        value={d.name}
        placeholder="Invite Sent"
        onChange={(name) => onChange({ ...d, name })}
        disabled={disabled}
        invalid={has(issues, 'name')}
      />
      <Select
        id={`${id}-count-op`}
        label="How often"
        value={d.countOp}
        options={[
          { value: 'gte', label: 'at least' },
          { value: 'lte', label: 'at most' },
          { value: 'eq', label: 'exactly' },
        ]}
        onChange={(countOp) => onChange({ ...d, countOp })}
        disabled={disabled}
      />
      <TextInput
        id={`${id}-count`}
        label="Times"
        type="number"
        min={0}
        value={d.count}
        onChange={(count) => onChange({ ...d, count })}
        disabled={disabled}
        invalid={has(issues, 'count')}
      />
      <TextInput
        id={`${id}-window`}
        label="In the last (days; blank = ever)"
        type="number"
        min={1}
        value={d.windowDays}
        onChange={(windowDays) => onChange({ ...d, windowDays })}
        disabled={disabled}
        invalid={has(issues, 'window')}
      />
      {d.where.length > 0 && (
        <ul class="rule-filters" aria-label="Property filters">
          {d.where.map((filter, i) => (
            <li key={i} class="rule-filter">
              <TextInput
                id={`${id}-where-${i}-property`}
                label={`Property ${i + 1}`}
                value={filter.property}
                placeholder="plan"
                onChange={(property) => setFilter(i, { ...filter, property })}
                disabled={disabled}
                invalid={has(issues, `where.${i}.property`)}
              />
              <ComparisonField
                id={`${id}-where-${i}`}
                value={filter}
                onChange={(cmp) => setFilter(i, { ...filter, ...cmp })}
                disabled={disabled}
                invalid={has(issues, `where.${i}.value`)}
              />
              {!disabled && (
                <button
                  type="button"
                  class="button button-ghost button-small rule-remove-inline"
                  aria-label={`Remove property filter ${i + 1}`}
                  onClick={() => onChange({ ...d, where: d.where.filter((_, j) => j !== i) })}
                >
                  ✕
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!disabled && d.where.length < 20 && (
        <button
          type="button"
          class="button button-small rule-add-inline"
          onClick={() =>
            onChange({
              ...d,
              where: [...d.where, { property: '', op: 'eq', kind: 'text', text: '' }],
            })
          }
        >
          + Property filter
        </button>
      )}
    </>
  );
}

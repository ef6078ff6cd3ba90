import type { ComparisonOp, FieldIssue } from '@waymark/shared';
import { ComparisonField } from './comparison-field';
import { COMPARISON_OPS } from './condition-types';
import { Select, TextInput } from './controls';
import { hasIssue as has } from './issues';
import type { ConditionDraft, ComparisonDraft } from './rule-form';
import {
  answerShape,
  fitComparison,
  opsForShape,
  scaleValues,
  withOp,
  type AnswerShape,
} from './survey-answer-choices';
import type { RuleRefs } from './use-rule-refs';
import { useSurveyQuestions } from './use-survey-questions';

type SurveyDraft = Extract<ConditionDraft, { type: 'survey_answer' }>;

interface SurveyAnswerFieldsProps {
  id: string;
  draft: SurveyDraft;
  onChange: (draft: ConditionDraft) => void;
  disabled: boolean;
  refs: RuleRefs;
  issues: readonly FieldIssue[];
}

/** With no question picked, any answer of the survey counts: numbers or text. */
const ANY_QUESTION_OPS: readonly ComparisonOp[] = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'not_in',
  'contains',
  'exists',
];

/** Survey, then question (by its text), then an operator and value fitting the question type. */
export function SurveyAnswerFields(props: SurveyAnswerFieldsProps) {
  const { id, draft: d, onChange, disabled, refs, issues } = props;
  const questions = useSurveyQuestions(d.contentId);
  const choices = questions.state === 'ready' ? questions.choices : [];
  const picked = choices.find((c) => c.id === d.questionId);
  const shape = picked ? answerShape(picked.question) : null;
  const setCmp = (cmp: ComparisonDraft) => onChange({ ...d, cmp });

  const pickQuestion = (questionId: string) => {
    const choice = choices.find((c) => c.id === questionId);
    const cmp = choice ? fitComparison(d.cmp, answerShape(choice.question)) : d.cmp;
    onChange({ ...d, questionId, cmp });
  };
  const questionPlaceholder =
    questions.state === 'loading'
      ? 'Loading…'
      : d.questionId
        ? `${d.questionId} (not in this survey)`
        : 'Any question';

  return (
    <>
      <Select
        id={`${id}-survey`}
        label="Survey"
        value={d.contentId}
        placeholder={refs.ready ? 'Choose a survey…' : 'Loading…'}
        options={refs.content
          .filter((c) => c.kind === 'survey')
          .map((c) => ({ value: c.id, label: c.name }))}
        onChange={(contentId) => onChange({ ...d, contentId, questionId: '' })}
        disabled={disabled}
        invalid={has(issues, 'contentId')}
      />
      {d.contentId && (
        <Select
          id={`${id}-question`}
          label="Question"
          value={d.questionId}
          placeholder={questionPlaceholder}
          options={[
            ...(d.questionId ? [{ value: '', label: 'Any question' }] : []),
            ...choices.map((c) => ({ value: c.id, label: c.label })),
          ]}
          onChange={pickQuestion}
          disabled={disabled}
          invalid={has(issues, 'questionId')}
        />
      )}
      {questions.state === 'failed' && (
        <p class="field-error" role="alert">
          {questions.message}
        </p>
      )}
      {shape ? (
        <AnswerComparison
          id={id}
          shape={shape}
          value={d.cmp}
          onChange={setCmp}
          disabled={disabled}
          invalid={has(issues, 'value')}
        />
      ) : (
        <ComparisonField
          id={id}
          value={d.cmp}
          ops={ANY_QUESTION_OPS}
          onChange={setCmp}
          disabled={disabled}
          invalid={has(issues, 'value')}
        />
      )}
    </>
  );
}

interface AnswerComparisonProps {
  id: string;
  shape: AnswerShape;
  value: ComparisonDraft;
  onChange: (value: ComparisonDraft) => void;
  disabled: boolean;
  invalid: boolean;
}

/** Operator and value for one known question: a score, an option, or text. */
function AnswerComparison({
  id,
  shape,
  value,
  onChange,
  disabled,
  invalid,
}: AnswerComparisonProps) {
  const ops = opsForShape(shape);
  const options = COMPARISON_OPS.filter((o) => ops.includes(o.op)).map((o) => ({
    value: o.op,
    label: o.label,
  }));
  return (
    <>
      <Select
        id={`${id}-op`}
        label="Operator"
        value={value.op}
        options={options}
        onChange={(op) => onChange(withOp(value, op, shape))}
        disabled={disabled}
      />
      {value.op !== 'exists' && (
        <AnswerValue
          id={id}
          shape={shape}
          value={value}
          onChange={onChange}
          disabled={disabled}
          invalid={invalid}
        />
      )}
    </>
  );
}

function AnswerValue({ id, shape, value, onChange, disabled, invalid }: AnswerComparisonProps) {
  switch (shape.kind) {
    case 'scale':
      return (
        <Select
          id={`${id}-value`}
          label={shape.name}
          value={value.text}
          placeholder="Choose a score…"
          options={scaleValues(shape).map((n) => ({ value: String(n), label: String(n) }))}
          onChange={(text) => onChange({ ...value, kind: 'number', text })}
          disabled={disabled}
          invalid={invalid}
        />
      );
    case 'single':
    case 'multi':
      return (
        <Select
          id={`${id}-value`}
          label="Option"
          value={value.text}
          placeholder={shape.options.length ? 'Choose an option…' : 'No options'}
          options={shape.options.map((o) => ({ value: o.id, label: o.label }))}
          onChange={(text) => onChange({ ...value, kind: 'text', text })}
          disabled={disabled}
          invalid={invalid}
        />
      );
    case 'text':
      return (
        <TextInput
          id={`${id}-value`}
          label="Text"
          value={value.text}
          onChange={(text) => onChange({ ...value, kind: 'text', text })}
          disabled={disabled}
          invalid={invalid}
        />
      );
  }
}

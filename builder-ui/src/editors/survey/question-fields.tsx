import type { FieldIssue, SurveyQuestion, SurveyQuestionType } from '@waymark/shared';
import {
  CheckboxField,
  NumberInput,
  SelectField,
  TextArea,
  TextInput,
} from '../../components/edit-fields';
import { issueAt, issuesUnder } from '../editor-props';
import { BranchList } from './branch-list';
import { OptionList } from './option-list';
import { QUESTION_TYPES, questionOfType } from './survey-questions';

interface QuestionFieldsProps {
  questions: readonly SurveyQuestion[];
  index: number;
  onChange: (question: SurveyQuestion) => void;
  onRename: (id: string) => void;
  /** Issues relative to this question. */
  issues: readonly FieldIssue[];
  readOnly: boolean;
}

const optional = (text: string): string | undefined => (text === '' ? undefined : text);

/** Removes `key` when `value` is undefined, so optional fields stay absent rather than empty. */
function withField<T extends object, K extends string>(object: T, key: K, value: unknown): T {
  const next = { ...object } as Record<string, unknown>;
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next as T;
}

/** Every field of one survey question: type, wording, answers, branching. */
export function QuestionFields({
  questions,
  index,
  onChange,
  onRename,
  issues,
  readOnly,
}: QuestionFieldsProps) {
  const q = questions[index]!;
  const id = `question-${index}`;
  const set = (key: string, value: unknown) => onChange(withField(q, key, value));

  return (
    <div class="question-fields">
      <div class="edit-row">
        <SelectField<SurveyQuestionType>
          id={`${id}-type`}
          label="Question type"
          value={q.type}
          options={QUESTION_TYPES}
          disabled={readOnly}
          onChange={(type) => onChange(questionOfType(type, q, q))}
        />
        <TextInput
          id={`${id}-id`}
          label="Question id"
          hint="Used in rules, exports and branches."
          value={q.id}
          maxLength={64}
          error={issueAt(issues, 'id')}
          disabled={readOnly}
          onChange={(value) => onRename(value)}
        />
      </div>
      <TextArea
        id={`${id}-prompt`}
        label="Question"
        rows={2}
        value={q.prompt}
        maxLength={500}
        error={issueAt(issues, 'prompt') ?? (q.prompt.trim() ? undefined : 'Write the question.')}
        disabled={readOnly}
        onChange={(value) => set('prompt', value)}
      />
      <TextInput
        id={`${id}-description`}
        label="Description (optional)"
        value={q.description ?? ''}
        maxLength={1000}
        error={issueAt(issues, 'description')}
        disabled={readOnly}
        onChange={(value) => set('description', optional(value))}
      />
      <CheckboxField
        id={`${id}-required`}
        label="An answer is required"
        checked={q.required}
        disabled={readOnly}
        onChange={(value) => set('required', value)}
      />
      <TypeFields
        question={q}
        id={id}
        issues={issues}
        readOnly={readOnly}
        set={set}
        onChange={onChange}
      />
      <BranchList
        questions={questions}
        index={index}
        idPrefix={id}
        issues={issues}
        readOnly={readOnly}
        onChange={(branches) => onChange({ ...q, branches })}
      />
    </div>
  );
}

interface TypeFieldsProps {
  question: SurveyQuestion;
  id: string;
  issues: readonly FieldIssue[];
  readOnly: boolean;
  set: (key: string, value: unknown) => void;
  onChange: (question: SurveyQuestion) => void;
}

function TypeFields({ question: q, id, issues, readOnly, set, onChange }: TypeFieldsProps) {
  switch (q.type) {
    case 'single':
    case 'multi':
      return (
        <OptionList
          idPrefix={id}
          options={q.options}
          issues={issuesUnder(issues, 'options')}
          readOnly={readOnly}
          onChange={(options) => onChange({ ...q, options })}
        />
      );
    case 'text':
      return (
        <div class="edit-row">
          <TextInput
            id={`${id}-placeholder`}
            label="Placeholder (optional)"
            value={q.placeholder ?? ''}
            maxLength={200}
            error={issueAt(issues, 'placeholder')}
            disabled={readOnly}
            onChange={(value) => set('placeholder', optional(value))}
          />
          <NumberInput
            id={`${id}-max-length`}
            label="Longest answer (characters)"
            value={q.maxLength}
            min={1}
            max={5000}
            error={issueAt(issues, 'maxLength')}
            disabled={readOnly}
            onChange={(value) => set('maxLength', value ?? 1000)}
          />
        </div>
      );
    default:
      return (
        <>
          {q.type === 'rating' && (
            <div class="edit-row">
              <NumberInput
                id={`${id}-scale`}
                label="Highest rating"
                value={q.scale}
                min={3}
                max={10}
                error={issueAt(issues, 'scale')}
                disabled={readOnly}
                onChange={(value) => set('scale', Math.min(10, Math.max(3, value ?? 5)))}
              />
              <SelectField<'stars' | 'numbers'>
                id={`${id}-style`}
                label="Drawn as"
                value={q.style}
                options={[
                  { value: 'stars', label: 'Stars' },
                  { value: 'numbers', label: 'Numbers' },
                ]}
                disabled={readOnly}
                onChange={(value) => set('style', value)}
              />
            </div>
          )}
          <div class="edit-row">
            <TextInput
              id={`${id}-low`}
              label="Low-end label (optional)"
              placeholder="Not likely"
              value={q.lowLabel ?? ''}
              maxLength={60}
              error={issueAt(issues, 'lowLabel')}
              disabled={readOnly}
              onChange={(value) => set('lowLabel', optional(value))}
            />
            <TextInput
              id={`${id}-high`}
              label="High-end label (optional)"
              placeholder="Very likely"
              value={q.highLabel ?? ''}
              maxLength={60}
              error={issueAt(issues, 'highLabel')}
              disabled={readOnly}
              onChange={(value) => set('highLabel', optional(value))}
            />
          </div>
        </>
      );
  }
}

import {
  SURVEY_END,
  type ComparisonOp,
  type FieldIssue,
  type SurveyBranch,
  type SurveyQuestion,
} from '@waymark/shared';
import { issueAt } from '../editor-props';
import { branchOps, branchProblem, newBranch, opTakesValue, scaleRange } from './survey-questions';

interface BranchListProps {
  questions: readonly SurveyQuestion[];
  index: number;
  onChange: (branches: SurveyBranch[]) => void;
  /** Issues relative to the question. */
  issues: readonly FieldIssue[];
  readOnly: boolean;
  idPrefix: string;
}

/**
 * "If the answer … go to …" rows of one question. The first matching row wins; without a match
 * the next question follows. Rows pointing at a missing question, or back up the survey, warn.
 */
export function BranchList({
  questions,
  index,
  onChange,
  issues,
  readOnly,
  idPrefix,
}: BranchListProps) {
  const question = questions[index]!;
  const { branches } = question;
  const set = (b: number, branch: SurveyBranch) =>
    onChange(branches.map((old, i) => (i === b ? branch : old)));
  const after = index + 1 < questions.length ? `question ${index + 2}` : 'the end';

  return (
    <div class="branches">
      <h3 class="branches-title">Branching</h3>
      {branches.length === 0 ? (
        <p class="edit-hint">No branches: every answer goes on to {after}.</p>
      ) : (
        <p class="edit-hint">The first rule that matches decides; otherwise {after} follows.</p>
      )}
      {branches.length > 0 && (
        <ol class="branch-rows">
          {branches.map((branch, b) => {
            const id = `${idPrefix}-branch-${b}`;
            const problem =
              issueAt(issues, `branches.${b}.next`) ??
              issueAt(issues, `branches.${b}.when.value`) ??
              issueAt(issues, `branches.${b}`) ??
              branchProblem(questions, index, branch);
            return (
              <li key={b} class={`branch-row${problem ? ' has-problem' : ''}`}>
                <fieldset
                  class="branch-fields"
                  aria-describedby={problem ? `${id}-problem` : undefined}
                >
                  <legend class="visually-hidden">Branch {b + 1}</legend>
                  <span class="branch-word" aria-hidden="true">
                    If the answer
                  </span>
                  <OpSelect
                    id={`${id}-op`}
                    question={question}
                    branch={branch}
                    readOnly={readOnly}
                    onChange={(next) => set(b, next)}
                  />
                  <ValueInput
                    id={`${id}-value`}
                    question={question}
                    branch={branch}
                    readOnly={readOnly}
                    onChange={(next) => set(b, next)}
                  />
                  <span class="branch-word" aria-hidden="true">
                    go to
                  </span>
                  <TargetSelect
                    id={`${id}-next`}
                    questions={questions}
                    index={index}
                    branch={branch}
                    readOnly={readOnly}
                    onChange={(next) => set(b, next)}
                  />
                  <button
                    type="button"
                    class="button button-ghost button-small"
                    disabled={readOnly}
                    aria-label={`Remove branch ${b + 1}`}
                    onClick={() => onChange(branches.filter((_, i) => i !== b))}
                  >
                    Remove
                  </button>
                </fieldset>
                {problem && (
                  <p class="field-error branch-problem" id={`${id}-problem`} role="status">
                    <span aria-hidden="true">⚠ </span>
                    {problem}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {!readOnly && (
        <button
          type="button"
          class="button button-small"
          disabled={branches.length >= 20}
          onClick={() => onChange([...branches, newBranch(question)])}
        >
          Add branch
        </button>
      )}
    </div>
  );
}

interface RowProps {
  id: string;
  question: SurveyQuestion;
  branch: SurveyBranch;
  readOnly: boolean;
  onChange: (branch: SurveyBranch) => void;
}

function OpSelect({ id, question, branch, readOnly, onChange }: RowProps) {
  const ops = branchOps(question);
  // Keep a comparison the menu does not offer (written by the API) visible rather than lose it.
  if (!ops.some((o) => o.value === branch.when.op)) {
    ops.push({ value: branch.when.op, label: branch.when.op.replace(/_/g, ' ') });
  }
  return (
    <select
      id={id}
      class="edit-select"
      aria-label="Comparison"
      value={branch.when.op}
      disabled={readOnly}
      onChange={(event) => {
        const op = event.currentTarget.value as ComparisonOp;
        if (!opTakesValue(op)) onChange({ ...branch, when: { op } });
        else {
          const fresh = newBranch(question).when.value;
          const value = opTakesValue(branch.when.op) ? branch.when.value : fresh;
          onChange({ ...branch, when: value === undefined ? { op } : { op, value } });
        }
      }}
    >
      {ops.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

function ValueInput({ id, question, branch, readOnly, onChange }: RowProps) {
  const { op, value } = branch.when;
  if (!opTakesValue(op)) return null;
  const setValue = (next: string | number) => onChange({ ...branch, when: { op, value: next } });
  const range = scaleRange(question);
  if (range) {
    return (
      <input
        id={id}
        class="edit-input branch-number"
        type="number"
        aria-label={`Answer (${range[0]}–${range[1]})`}
        min={range[0]}
        max={range[1]}
        value={typeof value === 'number' ? value : ''}
        disabled={readOnly}
        onInput={(event) => {
          const n = Number(event.currentTarget.value);
          if (event.currentTarget.value !== '' && Number.isFinite(n)) setValue(n);
        }}
      />
    );
  }
  if (question.type === 'single' || question.type === 'multi') {
    const known = question.options.some((o) => o.id === value);
    return (
      <select
        id={id}
        class="edit-select"
        aria-label="Option"
        value={known ? String(value) : ''}
        disabled={readOnly}
        onChange={(event) => setValue(event.currentTarget.value)}
      >
        {!known && <option value="">Choose an option…</option>}
        {question.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      id={id}
      class="edit-input"
      aria-label="Text"
      value={typeof value === 'string' ? value : ''}
      disabled={readOnly}
      onInput={(event) => setValue(event.currentTarget.value)}
    />
  );
}

function TargetSelect(
  props: Omit<RowProps, 'question'> & { questions: readonly SurveyQuestion[]; index: number },
) {
  const { id, questions, index, branch, readOnly, onChange } = props;
  const missing = branch.next !== SURVEY_END && !questions.some((q) => q.id === branch.next);
  return (
    <select
      id={id}
      class="edit-select branch-target"
      aria-label="Go to"
      aria-invalid={missing ? 'true' : undefined}
      value={branch.next}
      disabled={readOnly}
      onChange={(event) => onChange({ ...branch, next: event.currentTarget.value })}
    >
      {missing && <option value={branch.next}>Missing question “{branch.next}”</option>}
      {questions.map((q, i) =>
        i === index ? null : (
          <option key={q.id} value={q.id}>
            {`${i + 1}. ${truncate(q.prompt)}`}
          </option>
        ),
      )}
      <option value={SURVEY_END}>End of survey (thank-you step)</option>
    </select>
  );
}

const truncate = (text: string, max = 48): string =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

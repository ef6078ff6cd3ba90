import type { SurveyDefinition, SurveyQuestion, SurveyQuestionType } from '@waymark/shared';
import { useState } from 'preact/hooks';
import { CheckboxField, FieldGroup, SelectField } from '../../components/edit-fields';
import { moveItem, SortableList } from '../../components/sortable-list';
import { BottomCornerField } from '../bottom-corner-field';
import { issueAt, issuesUnder, type KindEditorProps } from '../editor-props';
import { ItemCardHeader } from '../../components/item-card-header';
import { QuestionFields } from './question-fields';
import {
  branchProblem,
  countBranchProblems,
  duplicateQuestion,
  newQuestion,
  QUESTION_TYPES,
  renameQuestion,
  typeLabel,
} from './survey-questions';
import { ThankYouFields } from './thank-you-fields';

/** Questions of every type, reordered by drag or keyboard, with branching and a thank-you step. */
export function SurveyEditor(props: KindEditorProps<SurveyDefinition>) {
  const { definition, onChange, issues, readOnly, selected, onSelect } = props;
  const { questions } = definition;
  const [open, setOpen] = useState<ReadonlySet<string>>(
    () => new Set(questions[selected] ? [questions[selected].id] : []),
  );
  const [addType, setAddType] = useState<SurveyQuestionType>('nps');

  const setQuestions = (next: SurveyQuestion[]) => onChange({ ...definition, questions: next });
  const toggle = (id: string, index: number) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setOpen(next);
    onSelect(index);
  };
  const insert = (question: SurveyQuestion, at: number) => {
    setQuestions([...questions.slice(0, at), question, ...questions.slice(at)]);
    setOpen(new Set([...open, question.id]));
    onSelect(at);
  };
  const problems = countBranchProblems(questions);

  return (
    <div class="kind-editor survey-editor">
      <FieldGroup legend="Survey">
        <div class="edit-row">
          <SelectField<SurveyDefinition['display']>
            id="survey-display"
            label="Display"
            value={definition.display}
            options={[
              { value: 'popover', label: 'Popover (page stays usable)' },
              { value: 'modal', label: 'Modal (blocks the page)' },
            ]}
            disabled={readOnly}
            onChange={(display) => onChange({ ...definition, display })}
          />
          <BottomCornerField
            id="survey-position"
            value={definition.position}
            disabled={readOnly}
            onChange={(position) => onChange({ ...definition, position })}
          />
        </div>
        <CheckboxField
          id="survey-dismissible"
          label="People can close the survey without answering"
          checked={definition.dismissible}
          disabled={readOnly}
          onChange={(dismissible) => onChange({ ...definition, dismissible })}
        />
      </FieldGroup>

      <section class="edit-section" aria-labelledby="survey-questions-title">
        <div class="edit-section-head">
          <h2 id="survey-questions-title">Questions</h2>
          {problems > 0 && (
            <span class="edit-warning-count" role="status">
              <span aria-hidden="true">⚠ </span>
              {problems === 1 ? '1 branch needs attention' : `${problems} branches need attention`}
            </span>
          )}
        </div>
        {issueAt(issues, 'questions') && <p class="field-error">{issueAt(issues, 'questions')}</p>}
        <SortableList
          items={questions}
          label="Questions"
          disabled={readOnly}
          keyOf={(q) => q.id}
          labelOf={(q, i) => `Question ${i + 1}: ${q.prompt}`}
          onMove={(from, to) => {
            setQuestions(moveItem(questions, from, to));
            onSelect(to);
          }}
        >
          {(q, index) => {
            const qIssues = issuesUnder(issues, `questions.${index}`);
            const warnings =
              qIssues.length + q.branches.filter((b) => branchProblem(questions, index, b)).length;
            return (
              <div
                class={`item-card${selected === index ? ' is-selected' : ''}`}
                onFocusIn={() => selected !== index && onSelect(index)}
              >
                <ItemCardHeader
                  id={`question-${index}-head`}
                  number={index + 1}
                  kind={typeLabel(q.type)}
                  title={q.prompt}
                  open={open.has(q.id)}
                  warnings={warnings}
                  controls={`question-${index}-body`}
                  onToggle={() => toggle(q.id, index)}
                  readOnly={readOnly}
                  onDuplicate={
                    questions.length < 30
                      ? () => insert(duplicateQuestion(q, questions), index + 1)
                      : undefined
                  }
                  onRemove={
                    questions.length > 1
                      ? () => {
                          setQuestions(questions.filter((_, i) => i !== index));
                          onSelect(Math.max(0, Math.min(index, questions.length - 2)));
                        }
                      : undefined
                  }
                  what="question"
                />
                {open.has(q.id) && (
                  <div id={`question-${index}-body`} class="item-card-body">
                    <QuestionFields
                      questions={questions}
                      index={index}
                      issues={qIssues}
                      readOnly={readOnly}
                      onChange={(next) =>
                        setQuestions(questions.map((old, i) => (i === index ? next : old)))
                      }
                      onRename={(id) => {
                        setQuestions(renameQuestion(questions, index, id));
                        setOpen(new Set([...open, id]));
                      }}
                    />
                  </div>
                )}
              </div>
            );
          }}
        </SortableList>
        {!readOnly && (
          <div class="edit-add">
            <label class="visually-hidden" for="survey-add-type">
              Type of the new question
            </label>
            <select
              id="survey-add-type"
              class="edit-select"
              value={addType}
              onChange={(event) => setAddType(event.currentTarget.value as SurveyQuestionType)}
            >
              {QUESTION_TYPES.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
            <button
              type="button"
              class="button"
              disabled={questions.length >= 30}
              onClick={() => insert(newQuestion(addType, questions), questions.length)}
            >
              Add question
            </button>
          </div>
        )}
      </section>

      <ThankYouFields
        thankYou={definition.thankYou}
        issues={issuesUnder(issues, 'thankYou')}
        readOnly={readOnly}
        onChange={(thankYou) => {
          const { thankYou: _old, ...rest } = definition;
          onChange(thankYou ? { ...rest, thankYou } : rest);
        }}
      />
    </div>
  );
}

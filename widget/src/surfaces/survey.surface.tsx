import { SURVEY_END, type SurveyDefinition } from '@waymark/shared';
import { localize, translate } from '../ui/i18n';
import { render } from 'preact';
import type { ContentRun, JsonValue, MountContext } from '../core/surface.port';
import { isAnswered, nextQuestion } from '../core/survey.machine';
import { CloseButton, newId, type Translate } from '../ui/blocks.view';
import { deepActive, engage } from '../ui/focus';
import { QuestionInput, questionCss } from '../ui/question.view';
import { openLayer, type Layer } from '../ui/stage';

/** Where a survey is: a question (with the trail of questions before it) or the thank-you. */
interface SurveyState {
  index: number;
  trail: number[];
  answers: Record<string, JsonValue>;
  draft: JsonValue | undefined;
  thanks: boolean;
  missing: boolean;
}

interface CardProps {
  survey: SurveyDefinition;
  state: SurveyState;
  t: Translate;
  titleId: string;
  /** Stable across draws, so focus is taken once, not on every re-render. */
  attach(el: HTMLDivElement | null): (() => void) | undefined;
  pick(value: JsonValue): void;
  back(): void;
  submit(): void;
  close(): void;
}

function SurveyCard({ survey, state, t, titleId, attach, pick, back, submit, close }: CardProps) {
  const question = survey.questions[state.index];
  const modal = survey.display === 'modal';
  const card = (
    <div
      ref={attach}
      class={modal ? 'card' : `card pop ${survey.position}`}
      role="dialog"
      aria-modal={modal ? 'true' : undefined}
      aria-labelledby={titleId}
      tabIndex={-1}
    >
      {(survey.dismissible || state.thanks) && <CloseButton t={t} onClose={close} />}
      {state.thanks || !question ? (
        <div role="status">
          <h2 id={titleId}>{survey.thankYou?.heading ?? t('Thank you!')}</h2>
          {survey.thankYou?.text && <p>{survey.thankYou.text}</p>}
        </div>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <h2 id={titleId}>{question.prompt}</h2>
          {question.description && <p class="hint">{question.description}</p>}
          <QuestionInput
            question={question}
            value={state.draft}
            titleId={titleId}
            t={t}
            pick={pick}
          />
          {state.missing && (
            <p class="err" role="alert">
              {t('Please answer this question.')}
            </p>
          )}
          <div class="foot">
            {state.trail.length > 0 && (
              <button type="button" class="link" onClick={back}>
                {t('Back')}
              </button>
            )}
            <button type="submit" class="primary">
              {t(state.index === survey.questions.length - 1 ? 'Submit' : 'Next')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
  return modal ? <div class="back">{card}</div> : card;
}

/**
 * The survey chunk: one question at a time, branching by answer, then the thank-you step.
 * Each answer is reported as it is given (event, listener, progress), so a survey left half
 * way still counts what was said.
 */
export function mount(ctx: MountContext): ContentRun {
  const survey = localize(ctx.item.definition as SurveyDefinition, ctx.locale);
  const t = (text: string): string => translate(text, survey.translations, ctx.locale);
  const { questions } = survey;
  const index = Math.min(ctx.index, questions.length - 1);
  const answers = { ...ctx.saved.answers };
  const state: SurveyState = {
    index,
    trail: [],
    answers,
    draft: answers[questions[index]?.id ?? ''],
    thanks: false,
    missing: false,
  };
  const titleId = newId();
  let layer: Layer | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stepId = (): string | undefined => questions[state.index]?.id;
  const attach = (el: HTMLDivElement | null): (() => void) | undefined =>
    el
      ? engage(
          el,
          survey.display === 'modal',
          () => (survey.dismissible || state.thanks) && close(),
        )
      : undefined;

  const draw = (): void => {
    if (!layer) return;
    const handlers = { attach, pick, back, submit, close };
    render(
      <SurveyCard survey={survey} state={{ ...state }} t={t} titleId={titleId} {...handlers} />,
      layer.el,
    );
  };
  /** A new question or the thank-you replaced what had focus: the card takes it (and is read). */
  const refocus = (): void => {
    const card = layer?.el.querySelector<HTMLElement>('.card');
    const active = deepActive();
    if (card && (!active || active === document.body || card.contains(active))) card.focus();
  };
  const go = (next: number): void => {
    state.index = next;
    state.draft = state.answers[questions[next]?.id ?? ''];
    state.missing = false;
    ctx.record('step_viewed', stepId(), next);
    draw();
    refocus();
  };
  function pick(value: JsonValue): void {
    state.draft = value;
    state.missing = false;
    draw();
  }
  function back(): void {
    const previous = state.trail.pop();
    if (previous !== undefined) go(previous);
  }
  function submit(): void {
    const question = questions[state.index];
    if (!question) return;
    const answered = isAnswered(state.draft);
    if (question.required && !answered) {
      state.missing = true;
      return draw();
    }
    if (answered && state.draft !== undefined) {
      const { id: questionId, type: questionType } = question;
      const { id: contentId, versionId } = ctx.item;
      const value = (state.answers[questionId] = state.draft);
      // A listener call (previews too), an event and the progress.
      ctx.emit('survey:answered', {
        contentId,
        versionId,
        questionId,
        answer: value,
        preview: ctx.preview,
      });
      ctx.send('$survey_answered', { contentId, versionId, questionId, questionType, value });
      ctx.save({ answers: { [questionId]: value } });
    }
    const next = nextQuestion(questions, state.index, answered ? state.draft : undefined);
    if (next !== SURVEY_END) {
      state.trail.push(state.index);
      return go(next);
    }
    ctx.record('completed', question.id, state.index);
    if (!survey.thankYou) return finish('completed');
    state.thanks = true;
    draw();
    refocus();
    const wait = survey.thankYou.autoCloseMs;
    if (wait) timer = setTimeout(() => finish('completed'), wait);
  }
  function close(): void {
    if (state.thanks) return finish('completed');
    ctx.record('dismissed', stepId(), state.index);
    finish('dismissed');
  }
  const stop = (): void => {
    clearTimeout(timer);
    if (!layer) return;
    render(null, layer.el);
    layer.close();
    layer = null;
  };
  function finish(outcome: 'completed' | 'dismissed'): void {
    stop();
    ctx.end(outcome, state.index);
  }

  return {
    get index() {
      return state.index;
    },
    start() {
      layer = openLayer(ctx, [surveyCss]);
      draw();
      if (ctx.announce) ctx.record('shown', stepId(), state.index);
      ctx.record('step_viewed', stepId(), state.index);
    },
    stop,
    onRoute() {},
    onTrack() {},
  };
}

const surveyCss =
  '.pop{top:auto;left:auto;bottom:20px;inset-inline-end:20px;width:min(380px,calc(100vw - 24px));max-width:none}' +
  '.pop.bottom-left{inset-inline:20px auto}' +
  '.back{position:fixed;inset:0;display:flex;align-items:center;justify-content:center;padding:16px;background:#0f172a73}' +
  '.back>.card{position:relative;width:min(460px,100%);max-width:none;padding:24px}' +
  'form{margin:0}.hint{opacity:.8}' +
  '.err{margin:8px 0 0;color:#b42318;font-size:13px}' +
  questionCss;

import type { JsonValue } from './surface.port';
import { compareValue, SURVEY_END, type SurveyQuestion } from '@waymark/shared';

/** The scale a question is answered on, or null for choice and text questions. */
export function scaleOf(question: SurveyQuestion): { from: number; to: number } | null {
  switch (question.type) {
    case 'nps':
      return { from: 0, to: 10 };
    case 'csat':
      return { from: 1, to: 5 };
    case 'ces':
      return { from: 1, to: 7 };
    case 'rating':
      return { from: 1, to: question.scale };
    default:
      return null;
  }
}

/** Whether `value` answers the question (an empty text or selection does not). */
export function isAnswered(value: JsonValue | undefined): boolean {
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  return typeof value === 'number';
}

/**
 * Where a survey goes after question `index` was answered with `value` (undefined: skipped).
 * The first branch whose comparison holds wins (an unanswered question matches only
 * `not_exists`-style comparisons); with none, the next question, and after the last, `end`.
 * A branch to an unknown question ends the survey. Pure.
 */
export function nextQuestion(
  questions: readonly SurveyQuestion[],
  index: number,
  value: JsonValue | undefined,
  now = Date.now(),
): number | typeof SURVEY_END {
  const question = questions[index];
  const answer = isAnswered(value) ? value : undefined;
  const branch = question?.branches.find((b) => compareValue(answer, b.when, now));
  if (branch) {
    const target = questions.findIndex((q) => q.id === branch.next);
    return target < 0 ? SURVEY_END : target;
  }
  return index + 1 < questions.length ? index + 1 : SURVEY_END;
}

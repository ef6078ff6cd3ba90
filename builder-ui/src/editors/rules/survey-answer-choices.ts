import type { ComparisonOp, ContentDefinition, SurveyQuestion } from '@waymark/shared';
import type { ComparisonDraft } from './rule-form';

/**
 * What the survey-answer condition offers once a question is picked: the operators and value
 * control that fit its answers, which the widget records as a number (nps, csat, ces, rating),
 * an option id (single), option ids (multi) or text.
 */

/** A question the picker lists, from the published survey or only from its draft. */
export interface QuestionChoice {
  id: string;
  /** The prompt, as the picker shows it. */
  label: string;
  question: SurveyQuestion;
  /** Only in the unpublished draft: nobody can have answered it yet. */
  unpublished: boolean;
}

export type AnswerShape =
  | { kind: 'scale'; min: number; max: number; name: string }
  | { kind: 'single' | 'multi'; options: ReadonlyArray<{ id: string; label: string }> }
  | { kind: 'text' };

const questionsOf = (d: ContentDefinition | undefined): SurveyQuestion[] =>
  d?.kind === 'survey' ? d.questions : [];

const shorten = (text: string, max = 80): string =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** The published questions (what users answered), then those only the draft has. */
export function questionChoices(
  published: ContentDefinition | undefined,
  draft: ContentDefinition | undefined,
): QuestionChoice[] {
  const live = questionsOf(published);
  const liveIds = new Set(live.map((q) => q.id));
  const fresh = questionsOf(draft).filter((q) => !liveIds.has(q.id));
  return [
    ...live.map((q) => ({ id: q.id, label: shorten(q.prompt), question: q, unpublished: false })),
    ...fresh.map((q) => ({
      id: q.id,
      label: `${shorten(q.prompt)} (not published yet)`,
      question: q,
      unpublished: true,
    })),
  ];
}

/** How a question's answers look. */
export function answerShape(q: SurveyQuestion): AnswerShape {
  switch (q.type) {
    case 'nps':
      return { kind: 'scale', min: 0, max: 10, name: 'NPS score' };
    case 'csat':
      return { kind: 'scale', min: 1, max: 5, name: 'CSAT score' };
    case 'ces':
      return { kind: 'scale', min: 1, max: 7, name: 'CES score' };
    case 'rating':
      return { kind: 'scale', min: 1, max: q.scale, name: 'Rating' };
    case 'single':
    case 'multi':
      return { kind: q.type, options: q.options };
    case 'text':
      return { kind: 'text' };
  }
}

const OPS: Record<AnswerShape['kind'], readonly ComparisonOp[]> = {
  scale: ['lte', 'gte', 'eq', 'neq', 'lt', 'gt', 'exists'],
  single: ['eq', 'neq', 'exists'],
  multi: ['contains', 'not_contains', 'exists'],
  text: ['contains', 'eq', 'neq', 'exists'],
};

/** The operators that make sense for a shape, the most useful first. */
export const opsForShape = (shape: AnswerShape): readonly ComparisonOp[] => OPS[shape.kind];

/** The values a scale offers, low to high. */
export function scaleValues(shape: Extract<AnswerShape, { kind: 'scale' }>): number[] {
  return Array.from({ length: shape.max - shape.min + 1 }, (_, i) => shape.min + i);
}

/** A starting comparison: detractors for NPS (≤ 6), the low end of other scales, option one. */
export function defaultComparison(shape: AnswerShape): ComparisonDraft {
  switch (shape.kind) {
    case 'scale': {
      const low = shape.max === 10 && shape.min === 0 ? 6 : shape.min + 1;
      return { op: 'lte', kind: 'number', text: String(low) };
    }
    case 'single':
      return { op: 'eq', kind: 'text', text: shape.options[0]?.id ?? '' };
    case 'multi':
      return { op: 'contains', kind: 'text', text: shape.options[0]?.id ?? '' };
    case 'text':
      return { op: 'contains', kind: 'text', text: '' };
  }
}

/** Whether a comparison already fits a shape: its operator and value are ones the shape offers. */
export function comparisonFits(cmp: ComparisonDraft, shape: AnswerShape): boolean {
  if (!opsForShape(shape).includes(cmp.op)) return false;
  if (cmp.op === 'exists') return true;
  switch (shape.kind) {
    case 'scale': {
      const n = Number(cmp.text);
      return cmp.kind === 'number' && cmp.text.trim() !== '' && scaleValues(shape).includes(n);
    }
    case 'single':
    case 'multi':
      return cmp.kind === 'text' && shape.options.some((o) => o.id === cmp.text);
    case 'text':
      return cmp.kind === 'text';
  }
}

/** Keeps a comparison that fits the newly picked question, else starts from its default. */
export const fitComparison = (cmp: ComparisonDraft, shape: AnswerShape): ComparisonDraft =>
  comparisonFits(cmp, shape) ? cmp : defaultComparison(shape);

/** A new operator for a comparison, with a value that fits it (the default one if needed). */
export function withOp(
  cmp: ComparisonDraft,
  op: ComparisonOp,
  shape: AnswerShape,
): ComparisonDraft {
  const next = { ...cmp, op };
  return comparisonFits(next, shape) ? next : { ...defaultComparison(shape), op };
}

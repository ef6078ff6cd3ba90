import type { ContentDefinition, SurveyQuestion } from '@waymark/shared';
import {
  answerShape,
  comparisonFits,
  defaultComparison,
  fitComparison,
  opsForShape,
  questionChoices,
  scaleValues,
  withOp,
  type AnswerShape,
} from './survey-answer-choices';

const base = { required: true, branches: [] };
const nps: SurveyQuestion = {
  ...base,
  id: 'nps',
  type: 'nps',
  prompt: 'How likely are you to recommend us?',
};
const reason: SurveyQuestion = {
  ...base,
  id: 'reason',
  type: 'single',
  prompt: 'Why?',
  options: [
    { id: 'price', label: 'Price' },
    { id: 'speed', label: 'Speed' },
  ],
};
const survey = (questions: SurveyQuestion[]) =>
  ({
    kind: 'survey',
    display: 'popover',
    position: 'bottom-right',
    questions,
  }) as unknown as ContentDefinition;

describe('questionChoices', () => {
  it('lists published questions, then the ones only the draft has, marked', () => {
    const note: SurveyQuestion = {
      ...base,
      id: 'note',
      type: 'text',
      prompt: 'Anything else?',
      maxLength: 1000,
    };
    const choices = questionChoices(survey([nps, reason]), survey([nps, note]));
    expect(choices.map((c) => [c.id, c.label, c.unpublished])).toEqual([
      ['nps', 'How likely are you to recommend us?', false],
      ['reason', 'Why?', false],
      ['note', 'Anything else? (not published yet)', true],
    ]);
  });

  it('shortens long prompts and copes with a never-published survey or another kind', () => {
    const long = { ...nps, prompt: 'x'.repeat(120) };
    const [only] = questionChoices(undefined, survey([long]));
    expect(only?.label).toBe(`${'x'.repeat(79)}… (not published yet)`);
    expect(questionChoices({ kind: 'banner' } as unknown as ContentDefinition, undefined)).toEqual(
      [],
    );
  });
});

describe('answerShape', () => {
  it('gives each scale its range', () => {
    const q = (type: 'nps' | 'csat' | 'ces') => answerShape({ ...nps, type });
    expect(
      [q('nps'), q('csat'), q('ces')].map((s) => s.kind === 'scale' && [s.min, s.max]),
    ).toEqual([
      [0, 10],
      [1, 5],
      [1, 7],
    ]);
    const rating = answerShape({
      ...base,
      id: 'r',
      type: 'rating',
      prompt: 'Rate',
      scale: 4,
      style: 'stars',
    });
    expect(rating.kind === 'scale' && scaleValues(rating)).toEqual([1, 2, 3, 4]);
  });

  it('gives choice questions their options and text questions text', () => {
    expect(answerShape(reason)).toEqual({ kind: 'single', options: reason.options });
    expect(answerShape({ ...reason, type: 'multi' }).kind).toBe('multi');
    expect(answerShape({ ...base, id: 't', type: 'text', prompt: 'Say', maxLength: 10 })).toEqual({
      kind: 'text',
    });
  });
});

describe('comparisons that fit a question', () => {
  const npsShape = answerShape(nps);
  const csatShape: AnswerShape = { kind: 'scale', min: 1, max: 5, name: 'CSAT score' };
  const single = answerShape(reason);

  it('starts NPS at detractors (≤ 6), other scales at their low end, choices at option one', () => {
    expect(defaultComparison(npsShape)).toEqual({ op: 'lte', kind: 'number', text: '6' });
    expect(defaultComparison(csatShape)).toEqual({ op: 'lte', kind: 'number', text: '2' });
    expect(defaultComparison(single)).toEqual({ op: 'eq', kind: 'text', text: 'price' });
    expect(defaultComparison({ kind: 'multi', options: [] })).toEqual({
      op: 'contains',
      kind: 'text',
      text: '',
    });
  });

  it('keeps a fitting comparison and replaces one out of range or of the wrong kind', () => {
    const nine = { op: 'gte' as const, kind: 'number' as const, text: '9' };
    expect(fitComparison(nine, npsShape)).toBe(nine);
    expect(comparisonFits(nine, csatShape)).toBe(false);
    expect(fitComparison(nine, csatShape)).toEqual({ op: 'lte', kind: 'number', text: '2' });
    expect(comparisonFits({ op: 'eq', kind: 'text', text: 'speed' }, single)).toBe(true);
    expect(comparisonFits({ op: 'eq', kind: 'text', text: 'colour' }, single)).toBe(false);
    expect(comparisonFits({ op: 'lte', kind: 'text', text: 'price' }, single)).toBe(false);
    expect(comparisonFits({ op: 'exists', kind: 'text', text: '' }, npsShape)).toBe(true);
  });

  it('offers operators by shape and keeps the value when the operator changes', () => {
    expect(opsForShape(npsShape)).toContain('lte');
    expect(opsForShape(single)).not.toContain('lte');
    expect(withOp({ op: 'lte', kind: 'number', text: '6' }, 'eq', npsShape)).toEqual({
      op: 'eq',
      kind: 'number',
      text: '6',
    });
    expect(withOp({ op: 'exists', kind: 'text', text: '' }, 'gte', npsShape)).toEqual({
      op: 'gte',
      kind: 'number',
      text: '6',
    });
  });
});

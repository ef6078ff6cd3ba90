import { templates, type SurveyDefinition, type SurveyQuestion } from '@waymark/shared';
import { isAnswered, nextQuestion, scaleOf } from './survey.machine';

const nps = templates.npsSurvey.definition as SurveyDefinition;
const ids = (index: number | 'end'): string =>
  index === 'end' ? 'end' : (nps.questions[index]?.id ?? '?');

describe('nextQuestion', () => {
  it('branches an NPS score to its follow-up, then ends', () => {
    expect(ids(nextQuestion(nps.questions, 0, 3))).toBe('improve');
    expect(ids(nextQuestion(nps.questions, 0, 6))).toBe('improve');
    expect(ids(nextQuestion(nps.questions, 0, 7))).toBe('better');
    expect(ids(nextQuestion(nps.questions, 0, 10))).toBe('love');
    expect(nextQuestion(nps.questions, 3, 'Faster exports')).toBe('end');
  });

  it('goes to the next question without a matching branch, and ends after the last', () => {
    const plain: SurveyQuestion[] = [
      { id: 'a', type: 'csat', prompt: 'A?', required: true, branches: [] },
      { id: 'b', type: 'text', prompt: 'B?', required: false, branches: [], maxLength: 100 },
    ];
    expect(nextQuestion(plain, 0, 4)).toBe(1);
    expect(nextQuestion(plain, 1, undefined)).toBe('end');
  });

  it('treats an empty answer as skipped: only existence tests can match it', () => {
    const q: SurveyQuestion[] = [
      {
        id: 'why',
        type: 'text',
        prompt: 'Why?',
        required: false,
        maxLength: 100,
        branches: [
          { when: { op: 'not_exists' }, next: 'end' },
          { when: { op: 'contains', value: 'price' }, next: 'pricing' },
        ],
      },
      { id: 'more', type: 'text', prompt: 'More?', required: false, branches: [], maxLength: 100 },
      {
        id: 'pricing',
        type: 'single',
        prompt: 'Plan?',
        required: true,
        branches: [],
        options: [
          { id: 'a', label: 'A' },
          { id: 'b', label: 'B' },
        ],
      },
    ];
    expect(nextQuestion(q, 0, '   ')).toBe('end');
    expect(nextQuestion(q, 0, 'the price is high')).toBe(2);
    expect(nextQuestion(q, 0, 'slow')).toBe(1);
  });

  it('branches multiple choice on one selected option', () => {
    const q: SurveyQuestion[] = [
      {
        id: 'use',
        type: 'multi',
        prompt: 'Uses?',
        required: true,
        options: [
          { id: 'reports', label: 'Reports' },
          { id: 'tasks', label: 'Tasks' },
        ],
        branches: [{ when: { op: 'contains', value: 'reports' }, next: 'end' }],
      },
      { id: 'next', type: 'text', prompt: 'Next?', required: false, branches: [], maxLength: 10 },
    ];
    expect(nextQuestion(q, 0, ['tasks', 'reports'])).toBe('end');
    expect(nextQuestion(q, 0, ['tasks'])).toBe(1);
  });
});

describe('scaleOf and isAnswered', () => {
  it('knows each scale', () => {
    const q = (type: 'nps' | 'csat' | 'ces') => ({
      id: 'q',
      type,
      prompt: 'p',
      required: true,
      branches: [],
    });
    expect(scaleOf(q('nps'))).toEqual({ from: 0, to: 10 });
    expect(scaleOf(q('csat'))).toEqual({ from: 1, to: 5 });
    expect(scaleOf(q('ces'))).toEqual({ from: 1, to: 7 });
    expect(
      scaleOf({
        id: 'r',
        type: 'rating',
        prompt: 'p',
        required: true,
        branches: [],
        scale: 4,
        style: 'stars',
      }),
    ).toEqual({ from: 1, to: 4 });
  });

  it('counts 0 as an answer but not empty text or no selection', () => {
    expect(isAnswered(0)).toBe(true);
    expect(isAnswered(' ')).toBe(false);
    expect(isAnswered([])).toBe(false);
    expect(isAnswered(undefined)).toBe(false);
  });
});

describe('the NPS template', () => {
  it('ends after a skipped follow-up', () => {
    expect(nextQuestion(nps.questions, 1, undefined)).toBe('end');
    expect(nextQuestion(nps.questions, 2, '')).toBe('end');
  });
});

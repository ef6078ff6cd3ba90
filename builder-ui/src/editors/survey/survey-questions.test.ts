import { templates, type SurveyQuestion } from '@waymark/shared';
import {
  branchProblem,
  countBranchProblems,
  duplicateQuestion,
  newQuestion,
  questionOfType,
  renameQuestion,
} from './survey-questions';

const nps = templates.npsSurvey.definition.questions as SurveyQuestion[];

describe('survey questions', () => {
  it('makes new questions with free ids', () => {
    const q = newQuestion('single', nps);
    expect(q.id).toBe('q5');
    expect(q.type === 'single' && q.options.length).toBe(2);
    expect(duplicateQuestion(nps[0]!, nps).id).toBe('score-copy');
  });

  it('changes type keeping wording and targets, resetting comparisons that no longer fit', () => {
    const single = questionOfType('single', nps[0]!, nps[0]);
    expect(single.prompt).toBe(nps[0]!.prompt);
    expect(single.branches.map((b) => b.next)).toEqual(['improve', 'better', 'love']);
    expect(single.branches.every((b) => b.when.op === 'eq' && b.when.value === 'a')).toBe(true);
    // Scale to scale keeps comparisons that still fit the range.
    const csat = questionOfType('csat', nps[0]!, nps[0]);
    expect(csat.branches.map((b) => b.when)).toEqual([
      { op: 'lte', value: 5 },
      { op: 'lte', value: 5 },
      { op: 'gte', value: 5 },
    ]);
    const text = questionOfType('text', nps[0]!, nps[0]);
    expect(text.branches.every((b) => b.when.op === 'exists')).toBe(true);
  });

  it('renames a question and every branch that points at it', () => {
    const renamed = renameQuestion(nps, 1, 'fans');
    expect(renamed[1]!.id).toBe('fans');
    expect(renamed[0]!.branches.map((b) => b.next)).toEqual(['improve', 'better', 'fans']);
  });

  it('flags branches to missing or earlier questions', () => {
    expect(countBranchProblems(nps)).toBe(0);
    const without = nps.filter((q) => q.id !== 'better');
    expect(branchProblem(without, 0, without[0]!.branches[1]!)).toMatch(/no longer exists/);
    const back = { when: { op: 'exists' as const }, next: 'score' };
    expect(branchProblem(nps, 0, back)).toMatch(/same question/);
    expect(branchProblem(nps, 2, back)).toMatch(/earlier question/);
  });
});

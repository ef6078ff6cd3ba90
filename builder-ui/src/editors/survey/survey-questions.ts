import {
  SURVEY_END,
  type ComparisonOp,
  type SurveyBranch,
  type SurveyQuestion,
  type SurveyQuestionType,
} from '@waymark/shared';

/** Every question type with the name authors see, in menu order. */
export const QUESTION_TYPES: readonly { value: SurveyQuestionType; label: string }[] = [
  { value: 'nps', label: 'NPS (0–10)' },
  { value: 'csat', label: 'CSAT (1–5)' },
  { value: 'ces', label: 'Customer effort (1–7)' },
  { value: 'rating', label: 'Rating (stars or numbers)' },
  { value: 'single', label: 'Single choice' },
  { value: 'multi', label: 'Multiple choice' },
  { value: 'text', label: 'Open text' },
];

export const typeLabel = (type: SurveyQuestionType): string =>
  QUESTION_TYPES.find((t) => t.value === type)?.label ?? type;

/** `base`, or `base-2`, `base-3`… — the first that is not taken. */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const id = `${base}-${n}`;
    if (!used.has(id)) return id;
  }
}

/** The next free `q<N>` id. */
export function nextQuestionId(questions: readonly SurveyQuestion[]): string {
  const taken = new Set(questions.map((q) => q.id));
  let n = questions.length + 1;
  while (taken.has(`q${n}`)) n += 1;
  return `q${n}`;
}

const defaultPrompts: Record<SurveyQuestionType, string> = {
  nps: 'How likely are you to recommend us to a friend or colleague?',
  csat: 'How satisfied are you with this feature?',
  ces: 'How easy was it to get this done?',
  rating: 'How would you rate this?',
  single: 'Which one fits best?',
  multi: 'Which of these apply?',
  text: 'Anything else you would like to tell us?',
};

/**
 * A question of `type` carrying over the common fields of `from` (id, prompt, labels, options).
 * Branches keep where they go; a comparison the new type cannot make is reset to its default.
 */
export function questionOfType(
  type: SurveyQuestionType,
  from: Pick<SurveyQuestion, 'id' | 'prompt' | 'required' | 'branches'> & {
    description?: string | undefined;
  },
  keepOptions?: SurveyQuestion,
): SurveyQuestion {
  const question = buildQuestion(type, from, keepOptions);
  const ops = branchOps(question).map((o) => o.value);
  const range = scaleRange(question);
  const refit = (branch: SurveyBranch): SurveyBranch => {
    const { op, value } = branch.when;
    if (!ops.includes(op)) return { ...branch, when: newBranch(question).when };
    if (!branchProblem([question], 0, { ...branch, next: SURVEY_END })) return branch;
    // A scale to a scale: keep the comparison, bring the value into the new range.
    if (range && typeof value === 'number') {
      return { ...branch, when: { op, value: Math.min(range[1], Math.max(range[0], value)) } };
    }
    return { ...branch, when: newBranch(question).when };
  };
  return { ...question, branches: question.branches.map(refit) };
}

function buildQuestion(
  type: SurveyQuestionType,
  from: Pick<SurveyQuestion, 'id' | 'prompt' | 'required' | 'branches'> & {
    description?: string | undefined;
  },
  keepOptions?: SurveyQuestion,
): SurveyQuestion {
  const common = {
    id: from.id,
    prompt: from.prompt,
    required: from.required,
    branches: from.branches,
    ...(from.description !== undefined ? { description: from.description } : {}),
  };
  const labels = keepOptions && 'lowLabel' in keepOptions ? keepOptions : undefined;
  const scaleLabels = {
    ...(labels?.lowLabel !== undefined ? { lowLabel: labels.lowLabel } : {}),
    ...(labels?.highLabel !== undefined ? { highLabel: labels.highLabel } : {}),
  };
  switch (type) {
    case 'nps':
    case 'csat':
    case 'ces':
      return { ...common, ...scaleLabels, type };
    case 'rating':
      return { ...common, ...scaleLabels, type, scale: 5, style: 'stars' };
    case 'single':
    case 'multi': {
      const options =
        keepOptions && 'options' in keepOptions
          ? keepOptions.options
          : [
              { id: 'a', label: 'Option A' },
              { id: 'b', label: 'Option B' },
            ];
      return { ...common, type, options };
    }
    case 'text':
      return { ...common, type, maxLength: 1000 };
  }
}

/** A new question of `type` with a fresh id and a sensible prompt. */
export function newQuestion(
  type: SurveyQuestionType,
  questions: readonly SurveyQuestion[],
): SurveyQuestion {
  return questionOfType(type, {
    id: nextQuestionId(questions),
    prompt: defaultPrompts[type],
    required: type !== 'text',
    branches: [],
  });
}

/** A copy of `question` with a fresh id (its branches still go where the original's went). */
export function duplicateQuestion(
  question: SurveyQuestion,
  questions: readonly SurveyQuestion[],
): SurveyQuestion {
  return structuredClone({
    ...question,
    id: uniqueId(
      `${question.id}-copy`,
      questions.map((q) => q.id),
    ),
  });
}

/** Renames a question and every branch that points at it. */
export function renameQuestion(
  questions: readonly SurveyQuestion[],
  index: number,
  id: string,
): SurveyQuestion[] {
  const old = questions[index]?.id;
  return questions.map((q, i) => ({
    ...q,
    id: i === index ? id : q.id,
    branches: q.branches.map((b) => (b.next === old && old !== undefined ? { ...b, next: id } : b)),
  }));
}

/** The lowest and highest answer of a scale question; null for other types. */
export function scaleRange(question: SurveyQuestion): [number, number] | null {
  switch (question.type) {
    case 'nps':
      return [0, 10];
    case 'csat':
      return [1, 5];
    case 'ces':
      return [1, 7];
    case 'rating':
      return [1, question.scale];
    default:
      return null;
  }
}

/** The comparisons a branch of this question type offers, with how they read. */
export function branchOps(question: SurveyQuestion): { value: ComparisonOp; label: string }[] {
  const skipped: { value: ComparisonOp; label: string }[] = question.required
    ? []
    : [
        { value: 'exists', label: 'is answered' },
        { value: 'not_exists', label: 'is skipped' },
      ];
  switch (question.type) {
    case 'single':
      return [{ value: 'eq', label: 'is' }, { value: 'neq', label: 'is not' }, ...skipped];
    case 'multi':
      return [
        { value: 'contains', label: 'includes' },
        { value: 'not_contains', label: 'does not include' },
        ...skipped,
      ];
    case 'text':
      return [
        { value: 'exists', label: 'is answered' },
        { value: 'not_exists', label: 'is skipped' },
        { value: 'contains', label: 'contains' },
      ];
    default:
      return [
        { value: 'lte', label: 'is at most' },
        { value: 'gte', label: 'is at least' },
        { value: 'eq', label: 'is exactly' },
        { value: 'neq', label: 'is not' },
        ...skipped,
      ];
  }
}

/** Whether a comparison needs a value (answered / skipped do not). */
export const opTakesValue = (op: ComparisonOp): boolean => op !== 'exists' && op !== 'not_exists';

/** A new branch for `question`: a sensible first comparison that ends the survey. */
export function newBranch(question: SurveyQuestion): SurveyBranch {
  const range = scaleRange(question);
  if (range)
    return { when: { op: 'lte', value: Math.floor((range[0] + range[1]) / 2) }, next: SURVEY_END };
  if (question.type === 'single') {
    return { when: { op: 'eq', value: question.options[0]?.id ?? '' }, next: SURVEY_END };
  }
  if (question.type === 'multi') {
    return { when: { op: 'contains', value: question.options[0]?.id ?? '' }, next: SURVEY_END };
  }
  return { when: { op: 'exists' }, next: SURVEY_END };
}

/** What is wrong (or risky) with one branch: an unknown target, a loop, a value out of range. */
export function branchProblem(
  questions: readonly SurveyQuestion[],
  index: number,
  branch: SurveyBranch,
): string | undefined {
  const question = questions[index];
  if (!question) return undefined;
  if (branch.next !== SURVEY_END) {
    const target = questions.findIndex((q) => q.id === branch.next);
    if (target < 0) return `Goes to "${branch.next}", which no longer exists. Pick another target.`;
    if (target === index) return 'Goes back to this same question: the survey would never end.';
    if (target < index) return 'Goes back to an earlier question: respondents may loop.';
  }
  const { op, value } = branch.when;
  if (!opTakesValue(op)) return undefined;
  const range = scaleRange(question);
  if (range) {
    if (typeof value !== 'number') return 'Enter a number.';
    if (value < range[0] || value > range[1])
      return `Enter a value from ${range[0]} to ${range[1]}.`;
  }
  if (question.type === 'single' || question.type === 'multi') {
    if (!question.options.some((o) => o.id === value)) return 'Pick one of the options.';
  }
  return undefined;
}

/** How many branches, over the whole survey, have a problem. */
export const countBranchProblems = (questions: readonly SurveyQuestion[]): number =>
  questions.reduce(
    (sum, q, i) => sum + q.branches.filter((b) => branchProblem(questions, i, b)).length,
    0,
  );

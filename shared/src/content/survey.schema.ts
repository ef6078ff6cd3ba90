import * as z from 'zod';
import { ComparisonSchema } from '../rules/rule.schema.js';
import { presentationFields } from './locale.schema.js';
import { SURVEY_END } from './survey.constants.js';

const Id = z.string().min(1).max(64);

/**
 * "If the answer compares like this, go there." The first matching branch wins; with none, the
 * next question follows. Answers are numbers (scales), an option id (single), option ids
 * (multi, `contains` tests one) or text.
 */
export const SurveyBranchSchema = z.object({ when: ComparisonSchema, next: Id });
export type SurveyBranch = z.infer<typeof SurveyBranchSchema>;

const question = {
  id: Id,
  prompt: z.string().min(1).max(500),
  description: z.string().max(1000).optional(),
  /** An unanswered optional question is skipped (its branches see no answer). */
  required: z.boolean().default(true),
  branches: z.array(SurveyBranchSchema).max(20).default([]),
};
/** Labels under the two ends of a scale, e.g. "Not likely" … "Very likely". */
const scaleLabels = {
  lowLabel: z.string().max(60).optional(),
  highLabel: z.string().max(60).optional(),
};
const OptionSchema = z.object({ id: Id, label: z.string().min(1).max(200) });

export const SurveyQuestionSchema = z
  .discriminatedUnion('type', [
    /** Net Promoter Score, 0–10. */
    z.object({ ...question, ...scaleLabels, type: z.literal('nps') }),
    /** Customer satisfaction, 1–5. */
    z.object({ ...question, ...scaleLabels, type: z.literal('csat') }),
    /** Customer effort, 1–7. */
    z.object({ ...question, ...scaleLabels, type: z.literal('ces') }),
    /** 1–`scale`, drawn as stars or numbers. */
    z.object({
      ...question,
      ...scaleLabels,
      type: z.literal('rating'),
      scale: z.int().min(3).max(10).default(5),
      style: z.enum(['stars', 'numbers']).default('stars'),
    }),
    z.object({
      ...question,
      type: z.literal('single'),
      options: z.array(OptionSchema).min(2).max(20),
    }),
    z.object({
      ...question,
      type: z.literal('multi'),
      options: z.array(OptionSchema).min(2).max(20),
    }),
    z.object({
      ...question,
      type: z.literal('text'),
      placeholder: z.string().max(200).optional(),
      maxLength: z.int().min(1).max(5000).default(1000),
    }),
  ])
  .meta({ id: 'SurveyQuestion' });
export type SurveyQuestion = z.infer<typeof SurveyQuestionSchema>;
export type SurveyQuestionType = SurveyQuestion['type'];

export const SurveyDefinitionSchema = z
  .object({
    kind: z.literal('survey'),
    /** `popover`: a corner card that leaves the page usable; `modal`: blocks it. */
    display: z.enum(['popover', 'modal']).default('popover'),
    position: z.enum(['bottom-right', 'bottom-left']).default('bottom-right'),
    questions: z.array(SurveyQuestionSchema).min(1).max(30),
    /** The last step after submitting; without it the survey closes on submit. */
    thankYou: z
      .object({
        heading: z.string().min(1).max(200),
        text: z.string().max(1000).optional(),
        /** Close by itself after this long. Default: stays until closed. */
        autoCloseMs: z.int().min(1000).max(60_000).optional(),
      })
      .optional(),
    dismissible: z.boolean().default(true),
    ...presentationFields,
  })
  .superRefine((survey, ctx) => {
    const ids = survey.questions.map((q) => q.id);
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({
        code: 'custom',
        message: 'Question ids must be unique.',
        path: ['questions'],
      });
    }
    survey.questions.forEach((q, i) =>
      q.branches.forEach((branch, b) => {
        if (branch.next !== SURVEY_END && !ids.includes(branch.next)) {
          ctx.addIssue({
            code: 'custom',
            message: `Branch goes to an unknown question "${branch.next}".`,
            path: ['questions', i, 'branches', b, 'next'],
          });
        }
      }),
    );
  })
  .meta({ id: 'SurveyDefinition' });
export type SurveyDefinition = z.infer<typeof SurveyDefinitionSchema>;

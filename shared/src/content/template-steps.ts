import type { Step } from './flow.schema.js';
import type { SurveyQuestion } from './survey.schema.js';

// Building blocks of the templates (templates.ts), complete with every default.

export const modal = (id: string, blocks: Step['blocks'], celebrate = false): Step => ({
  id,
  type: 'modal',
  placement: 'auto',
  backdrop: true,
  advance: { on: 'button' },
  modal: { size: 'medium', celebrate },
  blocks,
});

export const tooltip = (id: string, tour: string, heading: string, markdown: string): Step => ({
  id,
  type: 'tooltip',
  target: { attributes: { 'data-tour': tour }, selector: `[data-tour="${tour}"]` },
  placement: 'auto',
  backdrop: false,
  advance: { on: 'button' },
  blocks: [
    { type: 'heading', text: heading },
    { type: 'text', markdown },
    { type: 'button', label: 'Back', action: { type: 'back' }, variant: 'secondary' },
    { type: 'button', label: 'Next', action: { type: 'next' }, variant: 'primary' },
  ],
});

export const npsFollowUp = (id: string, prompt: string): SurveyQuestion => ({
  id,
  type: 'text',
  prompt,
  required: false,
  // Answered or skipped, a follow-up is the last question.
  branches: [
    { when: { op: 'exists' }, next: 'end' },
    { when: { op: 'not_exists' }, next: 'end' },
  ],
  placeholder: 'Tell us more (optional)',
  maxLength: 1000,
});

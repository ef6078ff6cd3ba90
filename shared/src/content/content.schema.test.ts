import { ContentDefinitionSchema } from './content.schema.js';
import { ThemeSchema } from './theme.schema.js';
import { templates } from './templates.js';

const survey = templates.npsSurvey.definition;

describe('ContentDefinitionSchema', () => {
  it('keeps a flow written before the other kinds existed, filling the old defaults', () => {
    const parsed = ContentDefinitionSchema.parse({
      kind: 'flow',
      steps: [{ id: 'a', type: 'modal', blocks: [{ type: 'heading', text: 'Hi' }] }],
    });
    expect(parsed).toEqual({
      kind: 'flow',
      steps: [
        {
          id: 'a',
          type: 'modal',
          placement: 'auto',
          backdrop: false,
          advance: { on: 'button' },
          blocks: [{ type: 'heading', text: 'Hi' }],
        },
      ],
    });
  });

  it('refuses an unknown kind and a tooltip without a target', () => {
    expect(ContentDefinitionSchema.safeParse({ kind: 'popup', steps: [] }).success).toBe(false);
    const tooltip = { id: 't', type: 'tooltip', blocks: [{ type: 'text', markdown: 'x' }] };
    expect(ContentDefinitionSchema.safeParse({ kind: 'flow', steps: [tooltip] }).success).toBe(
      false,
    );
  });

  it('fills banner, checklist and launcher defaults', () => {
    const banner = ContentDefinitionSchema.parse({
      kind: 'banner',
      blocks: [{ type: 'text', markdown: 'Hello' }],
    });
    expect(banner).toMatchObject({ position: 'top', mode: 'overlay', dismissible: true });
    const checklist = ContentDefinitionSchema.parse({
      kind: 'checklist',
      title: 'Start',
      items: [{ id: 'a', title: 'Do it' }],
    });
    expect(checklist).toMatchObject({
      launcher: { label: 'Get started', position: 'bottom-right' },
      openOnStart: true,
    });
    const launcher = ContentDefinitionSchema.parse({
      kind: 'launcher',
      label: 'Help',
      blocks: [{ type: 'text', markdown: 'Hi' }],
    });
    expect(launcher).toMatchObject({ style: 'button', placement: 'auto' });
  });

  it('refuses a survey branch to a question that does not exist, and duplicate ids', () => {
    const [first, ...rest] = survey.questions;
    const broken = {
      ...survey,
      questions: [{ ...first, branches: [{ when: { op: 'eq', value: 1 }, next: 'nowhere' }] }],
    };
    const result = ContentDefinitionSchema.safeParse(broken);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'questions.0.branches.0.next',
    ]);
    const duplicated = { ...survey, questions: [first, ...rest, first] };
    expect(ContentDefinitionSchema.safeParse(duplicated).success).toBe(false);
  });

  it('fills survey question defaults (rating scale, required, branches)', () => {
    const parsed = ContentDefinitionSchema.parse({
      kind: 'survey',
      questions: [{ id: 'r', type: 'rating', prompt: 'Rate us' }],
    });
    expect(parsed).toMatchObject({
      display: 'popover',
      questions: [{ scale: 5, style: 'stars', required: true, branches: [] }],
    });
  });
});

describe('ThemeSchema', () => {
  it('accepts colours and refuses anything that could end a CSS declaration', () => {
    expect(ThemeSchema.safeParse({ accent: '#0a7', text: 'rgb(1, 2, 3)' }).success).toBe(true);
    expect(ThemeSchema.safeParse({ accent: 'red;background:url(x)' }).success).toBe(false);
    expect(ThemeSchema.safeParse({ font: 'Inter; color: red' }).success).toBe(false);
  });
});

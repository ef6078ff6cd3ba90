import { templates, type ContentDefinition } from '@waymark/shared';
import { localize } from '@waymark/shared';
import { sourceStrings, WIDGET_LABELS } from './source-strings';

const texts = (definition: ContentDefinition) =>
  sourceStrings(definition)
    .filter((s) => s.origin === 'content')
    .map((s) => s.text);

describe('sourceStrings', () => {
  it('finds every visible text of a survey, and nothing from rules or ids', () => {
    const survey = templates.npsSurvey.definition;
    const found = texts(survey);
    expect(found).toEqual([
      'How likely are you to recommend us to a friend or colleague?',
      'Not likely',
      'Very likely',
      'Great to hear! What do you love most?',
      'Tell us more (optional)',
      'What would make it a 10 for you?',
      'Sorry to hear that. What should we improve first?',
      'Thank you!',
      'Your feedback shapes what we build next.',
    ]);
    expect(found).not.toContain('score');
    expect(found).not.toContain('end');
  });

  it('lists texts in reading order whatever order the keys were stored in', () => {
    const { thankYou, questions, ...rest } = templates.npsSurvey.definition;
    const stored = { thankYou, ...rest, questions } as ContentDefinition;
    expect(texts(stored)[0]).toBe(questions[0]!.prompt);
    expect(texts(stored).at(-1)).toBe(thankYou.text);
  });

  it('lists a text used twice once, with both places', () => {
    const survey = sourceStrings(templates.npsSurvey.definition);
    const placeholder = survey.find((s) => s.text === 'Tell us more (optional)');
    expect(placeholder?.where).toEqual([
      'Question 2 › placeholder',
      'Question 3 › placeholder',
      'Question 4 › placeholder',
    ]);
  });

  it('skips targets, done-when rules, actions and existing translations', () => {
    const checklist: ContentDefinition = {
      ...templates.onboardingChecklist.definition,
      translations: { fr: { 'Get started': 'Commencer' } },
    };
    const found = texts(checklist);
    expect(found).toContain('Complete your profile');
    expect(found).toContain('Get started');
    expect(found).not.toContain('Commencer');
    expect(found).not.toContain('Project Created');
    expect(found).not.toContain('https://example.com/help');
    const flow = texts(templates.productTour.definition);
    expect(flow).toContain('Find your way');
    expect(flow).not.toContain('navigation');
  });

  it('describes where each text sits', () => {
    const strings = sourceStrings(templates.onboardingChecklist.definition);
    expect(strings.find((s) => s.text === 'Invite a teammate')?.where).toEqual(['Item 3 › title']);
    expect(strings.find((s) => s.text === 'All done! 🎉')?.where).toEqual([
      'Celebration › heading',
    ]);
  });

  it('adds the widget labels of the kind once, after the content', () => {
    const strings = sourceStrings(templates.announcementBanner.definition);
    const widget = strings.filter((s) => s.origin === 'widget').map((s) => s.text);
    expect(widget).toEqual([...WIDGET_LABELS.banner]);
    expect(strings.at(-1)?.origin).toBe('widget');
  });

  it('covers exactly what localize translates', () => {
    for (const template of Object.values(templates)) {
      const definition = template.definition as ContentDefinition;
      const strings = texts(definition);
      const marked = {
        ...definition,
        translations: { xx: Object.fromEntries(strings.map((s) => [s, `«${s}»`])) },
      };
      const localized = JSON.stringify(localize(marked, 'xx'));
      // Every string found is translated somewhere, and no visible string is left untranslated.
      for (const s of strings) expect(localized).toContain(JSON.stringify(`«${s}»`));
      const again = texts({ ...(localize(marked, 'xx') as ContentDefinition), translations: {} });
      expect(again.every((s) => s.startsWith('«'))).toBe(true);
    }
  });
});

import { ContentDefinitionSchema } from './content.schema.js';
import { templates, type TemplateId } from './templates.js';

const required: TemplateId[] = [
  'welcomeModal',
  'productTour',
  'onboardingChecklist',
  'npsSurvey',
  'csatSurvey',
  'announcementBanner',
];

describe('templates', () => {
  it('include the six the builder offers first', () => {
    expect(Object.keys(templates)).toEqual(expect.arrayContaining(required));
  });

  it.each(Object.entries(templates))('%s parses unchanged (complete, defaults filled)', (_, t) => {
    const parsed = ContentDefinitionSchema.safeParse(t.definition);
    expect(parsed.error?.issues).toBeUndefined();
    expect(parsed.data).toEqual(t.definition);
  });

  it('cover every content kind', () => {
    const kinds = new Set(Object.values(templates).map((t) => t.definition.kind));
    expect([...kinds].sort()).toEqual(['banner', 'checklist', 'flow', 'launcher', 'survey']);
  });
});

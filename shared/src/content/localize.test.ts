import { isRtlLocale, localeChain, localize, translate } from './localize.js';
import type { FlowDefinition } from './flow.schema.js';

const translations = {
  fr: { Next: 'Suivant', Welcome: 'Bienvenue' },
  'pt-BR': { Next: 'Próximo' },
  pt: { Next: 'Seguinte', Welcome: 'Bem-vindo' },
};

describe('translate', () => {
  it('looks up the exact locale, then its language, then keeps the source', () => {
    expect(translate('Next', translations, 'pt-BR')).toBe('Próximo');
    expect(translate('Welcome', translations, 'pt-BR')).toBe('Bem-vindo');
    expect(translate('Next', translations, 'fr-CA')).toBe('Suivant');
    expect(translate('Next', translations, 'de')).toBe('Next');
    expect(translate('Next', undefined, 'fr')).toBe('Next');
  });

  it('matches locale keys case-insensitively and accepts underscores', () => {
    expect(translate('Next', translations, 'PT_br')).toBe('Próximo');
    expect(localeChain('en')).toEqual(['en']);
  });
});

describe('localize', () => {
  const flow: FlowDefinition = {
    kind: 'flow',
    translations,
    steps: [
      {
        id: 'Welcome',
        type: 'tooltip',
        placement: 'auto',
        backdrop: false,
        advance: { on: 'button' },
        target: { attributes: {}, text: 'Welcome' },
        blocks: [
          { type: 'heading', text: 'Welcome' },
          {
            type: 'button',
            label: 'Next',
            variant: 'link',
            action: { type: 'track', event: 'Next' },
          },
        ],
      },
    ],
  };

  it('translates visible text but not ids, targets or actions', () => {
    const step = localize(flow, 'fr').steps[0];
    expect(step?.id).toBe('Welcome');
    expect(step?.target?.text).toBe('Welcome');
    expect(step?.blocks).toEqual([
      { type: 'heading', text: 'Bienvenue' },
      {
        type: 'button',
        label: 'Suivant',
        variant: 'link',
        action: { type: 'track', event: 'Next' },
      },
    ]);
    expect(flow.steps[0]?.blocks[0]).toEqual({ type: 'heading', text: 'Welcome' });
  });
});

describe('isRtlLocale', () => {
  it.each([
    ['ar', true],
    ['he-IL', true],
    ['fa', true],
    ['en-US', false],
    ['arn', false],
  ])('%s → %s', (locale, rtl) => {
    expect(isRtlLocale(locale)).toBe(rtl);
  });
});

import { fragileSignals, isStableAttributeName, looksGenerated } from './fingerprint.rules';

describe('looksGenerated', () => {
  it.each([':r1:', 'css-1x2y3z', 'sc-bdVaJa', 'jsx-2731', 'item-83412', 'btn_a8f3k2', 'x7f3kq'])(
    '%s looks generated',
    (value) => expect(looksGenerated(value)).toBe(true),
  );

  it.each(['new-project', 'save', 'nav-main', 'step2', 'h1', 'project-list', 'checkout_button'])(
    '%s looks stable',
    (value) => expect(looksGenerated(value)).toBe(false),
  );
});

describe('isStableAttributeName', () => {
  it('keeps data-*, id, aria-label and name but not framework bookkeeping or class', () => {
    const names = [
      'data-testid',
      'data-action',
      'id',
      'aria-label',
      'name',
      'data-v-1a2b3c',
      'data-reactid',
      'class',
      'style',
    ];
    expect(names.filter(isStableAttributeName)).toEqual([
      'data-testid',
      'data-action',
      'id',
      'aria-label',
      'name',
    ]);
  });
});

describe('fragileSignals', () => {
  it('has none for a unique target with a stable attribute', () => {
    expect(
      fragileSignals({ attributes: { 'data-testid': 'new' }, text: 'New' }, { matches: 1 }),
    ).toEqual([]);
  });

  it('flags a target found only by its structural path', () => {
    expect(
      fragileSignals({ attributes: {}, tag: 'div', path: 'body > main > div:nth-of-type(3)' }),
    ).toEqual(['path-only']);
  });

  it('flags text as the only strong signal, a skipped generated id, and several matches', () => {
    expect(
      fragileSignals(
        { attributes: {}, text: 'Save', role: 'button', path: 'body > button' },
        { matches: 3, skippedGeneratedId: true },
      ),
    ).toEqual(['text-only', 'generated-id', 'ambiguous']);
  });

  it('flags a target that matched nothing; an author selector counts as stable', () => {
    expect(fragileSignals({ attributes: {}, selector: '.save' }, { matches: 0 })).toEqual([
      'no-match',
    ]);
  });
});

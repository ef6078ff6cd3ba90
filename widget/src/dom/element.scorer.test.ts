import type { ElementTarget } from '@waymark/shared';
import {
  attributeWeight,
  countBestCandidates,
  implicitRole,
  MIN_SCORE,
  normalizeText,
  pickBestCandidate,
  scoreCandidate,
  type CandidateDescriptor,
} from './element.scorer';

const candidate = (overrides: Partial<CandidateDescriptor> = {}): CandidateDescriptor => ({
  tag: 'div',
  attributes: {},
  role: null,
  text: '',
  matchesSelector: false,
  matchesPath: false,
  visible: true,
  ...overrides,
});

const target = (overrides: Partial<ElementTarget> = {}): ElementTarget => ({
  attributes: {},
  ...overrides,
});

describe('pickBestCandidate', () => {
  it('prefers the candidate matching the author selector over a text-only match', () => {
    const wanted = target({ selector: '#save', text: 'Save', tag: 'button' });
    const candidates = [
      candidate({ tag: 'button', text: 'save' }),
      candidate({ tag: 'button', text: 'save', matchesSelector: true }),
    ];

    expect(pickBestCandidate(wanted, candidates)).toBe(1);
  });

  it('still finds the element after a redesign broke the selector and the path', () => {
    const wanted = target({
      selector: '.btn-primary-old',
      path: 'main > div:nth-child(2) > button',
      attributes: { 'data-testid': 'save-project' },
      tag: 'button',
      text: 'Save project',
    });
    const candidates = [
      candidate({ tag: 'button', text: 'cancel' }),
      candidate({ tag: 'div', text: 'save project settings and more' }),
      candidate({
        tag: 'button',
        attributes: { 'data-testid': 'save-project' },
        text: 'save project',
      }),
    ];

    expect(pickBestCandidate(wanted, candidates)).toBe(2);
  });

  it('returns -1 when only weak signals (tag and role) agree', () => {
    const wanted = target({ tag: 'button', role: 'button', text: 'Export' });
    const candidates = [candidate({ tag: 'button', role: 'button', text: 'import' })];

    expect(scoreCandidate(wanted, candidates[0] ?? candidate())).toBeLessThan(MIN_SCORE);
    expect(pickBestCandidate(wanted, candidates)).toBe(-1);
  });

  it('penalises a tag mismatch, so the button beats a span with the same text', () => {
    const wanted = target({ tag: 'button', text: 'Next' });
    const candidates = [
      candidate({ tag: 'span', text: 'next' }),
      candidate({ tag: 'button', text: 'next' }),
    ];

    expect(pickBestCandidate(wanted, candidates)).toBe(1);
  });

  it('breaks ties in favour of the visible candidate, then document order', () => {
    const wanted = target({ attributes: { id: 'menu' } });
    const hidden = candidate({ attributes: { id: 'menu' }, visible: false });
    const shown = candidate({ attributes: { id: 'menu' } });

    expect(pickBestCandidate(wanted, [hidden, shown, shown])).toBe(1);
  });

  it('matches text regardless of case and whitespace, and partially only from 3 characters', () => {
    const spaced = target({ text: '  Create\n  PROJECT ' });
    expect(scoreCandidate(spaced, candidate({ text: normalizeText('create project') }))).toBe(25);

    const short = target({ text: 'Go' });
    expect(scoreCandidate(short, candidate({ text: 'go home' }))).toBe(0);
    const longer = target({ text: 'Billing' });
    expect(scoreCandidate(longer, candidate({ text: 'billing and plans' }))).toBe(10);
  });
});

describe('attributeWeight', () => {
  it('trusts test ids and ids most, data attributes next, labels after, the rest least', () => {
    const weights = ['data-testid', 'id', 'data-section', 'aria-label', 'title'].map(
      attributeWeight,
    );

    expect(weights).toEqual([30, 30, 20, 15, 10]);
  });
});

describe('implicitRole', () => {
  it.each([
    ['a', null, true, 'link'],
    ['a', null, false, null],
    ['input', 'submit', false, 'button'],
    ['input', 'checkbox', false, 'checkbox'],
    ['input', 'email', false, 'textbox'],
    ['h3', null, false, 'heading'],
    ['button', null, false, 'button'],
    ['div', null, false, null],
  ] as const)('<%s type=%s href=%s> is %s', (tag, type, hasHref, role) => {
    expect(implicitRole(tag, type, hasHref)).toBe(role);
  });
});

describe('countBestCandidates', () => {
  const wanted = target({ text: 'Delete', role: 'button', tag: 'button' });
  const button = candidate({ tag: 'button', role: 'button', text: 'delete' });

  it('is 1 when one candidate scores best', () => {
    expect(countBestCandidates(wanted, [button, candidate({ tag: 'a', role: 'link' })])).toBe(1);
  });

  it('counts candidates tied at the best score', () => {
    expect(
      countBestCandidates(wanted, [button, { ...button }, { ...button, visible: false }]),
    ).toBe(3);
  });

  it('is 0 when nothing reaches the minimum score', () => {
    expect(countBestCandidates(wanted, [candidate({ tag: 'div' })])).toBe(0);
    expect(countBestCandidates(wanted, [])).toBe(0);
  });
});

import { tabKeyTarget } from './tab-keys';

describe('tabKeyTarget', () => {
  it.each([
    ['ArrowRight', 0, 1],
    ['ArrowRight', 2, 0],
    ['ArrowLeft', 1, 0],
    ['ArrowLeft', 0, 2],
    ['Home', 2, 0],
    ['End', 0, 2],
  ])('%s from tab %i of three goes to tab %i', (key, from, to) => {
    expect(tabKeyTarget(key, from, 3)).toBe(to);
  });

  it('leaves other keys to the page', () => {
    expect(tabKeyTarget('Enter', 1, 3)).toBeNull();
    expect(tabKeyTarget('ArrowDown', 1, 3)).toBeNull();
  });

  it('keeps a single tab where it is', () => {
    expect(tabKeyTarget('ArrowRight', 0, 1)).toBe(0);
    expect(tabKeyTarget('ArrowLeft', 0, 1)).toBe(0);
  });
});

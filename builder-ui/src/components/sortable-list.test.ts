import { moveItem } from './sortable-list';

describe('moveItem', () => {
  it('moves down and up without changing the input', () => {
    const list = ['a', 'b', 'c', 'd'];
    expect(moveItem(list, 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(list, 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(list).toEqual(['a', 'b', 'c', 'd']);
  });

  it('clamps a target past the end', () => {
    expect(moveItem(['a', 'b'], 0, 9)).toEqual(['b', 'a']);
  });
});

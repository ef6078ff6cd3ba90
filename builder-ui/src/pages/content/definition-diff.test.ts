import { templates, type FlowDefinition } from '@waymark/shared';
import { diffDefinitions, fieldChanges } from './definition-diff';

const tour = (): FlowDefinition =>
  structuredClone(templates.productTour.definition) as FlowDefinition;

describe('diffDefinitions', () => {
  it('finds nothing between equal definitions', () => {
    expect(diffDefinitions(tour(), tour())).toEqual([]);
  });

  it('names added, removed and changed steps with the changed fields', () => {
    const before = tour();
    const after = tour();
    after.steps.splice(1, 1); // remove "navigation"
    after.steps.push({ ...structuredClone(after.steps[0]!), id: 'extra' });
    const first = after.steps[0]!;
    first.blocks[0] = { type: 'heading', text: 'A shorter tour' };

    const changes = diffDefinitions(before, after);

    expect(changes).toEqual(
      expect.arrayContaining([
        {
          kind: 'changed',
          what: 'Step 1: A shorter tour',
          details: ['block 1 › text: “Take a quick tour” → “A shorter tour”'],
        },
        { kind: 'added', what: 'Step 5: Take a quick tour', details: [] },
        { kind: 'removed', what: 'Step 2: Find your way', details: [] },
      ]),
    );
    expect(changes).toHaveLength(3);
  });

  it('reports a reordered step as moved', () => {
    const before = tour();
    const after = tour();
    const [moved] = after.steps.splice(2, 1);
    after.steps.splice(1, 0, moved!);

    const changes = diffDefinitions(before, after);

    expect(changes.filter((change) => change.kind === 'moved').map((c) => c.what)).toEqual([
      'Step 2: Create something',
      'Step 3: Find your way',
    ]);
  });

  it('lists top-level fields such as the theme', () => {
    const after = { ...tour(), theme: { accent: '#ff0000' } };
    expect(diffDefinitions(tour(), after)).toEqual([{ kind: 'added', what: 'Theme', details: [] }]);
  });
});

describe('fieldChanges', () => {
  it('caps long lists of differences', () => {
    const before = Array.from({ length: 20 }, (_x, i) => i);
    const after = before.map((n) => n + 1);
    const lines = fieldChanges(before, after);
    expect(lines).toHaveLength(9);
    expect(lines[8]).toBe('…and more');
  });
});

import {
  formIssues,
  formToBody,
  newExperimentForm,
  splitOf,
  type ExperimentForm,
} from './experiment-form';

const versions = [
  { id: 'v1', version: 1, publishedAt: '2025-01-01', current: false, createdAt: '' },
  { id: 'v2', version: 2, publishedAt: '2025-02-01', current: true, createdAt: '' },
];

describe('experiment form', () => {
  it('starts with the current version against a 50/50 holdout', () => {
    const form = newExperimentForm('Tour', versions);
    expect(form.variants[0]!.versionId).toBe('v2');
    expect(splitOf(form)).toEqual([
      { key: 'control', percent: 50 },
      { key: 'treatment', percent: 50 },
    ]);
  });

  it('shows the split of relative weights and refuses weights that add to nothing', () => {
    const form: ExperimentForm = {
      ...newExperimentForm('Tour', versions),
      holdoutWeight: '1',
      variants: [
        { key: 'a', name: '', versionId: 'v1', weight: '1' },
        { key: 'b', name: '', versionId: 'v2', weight: '2' },
      ],
    };
    expect(splitOf(form)!.map((a) => Math.round(a.percent))).toEqual([25, 25, 50]);
    expect(
      splitOf({
        ...form,
        holdoutWeight: '0',
        variants: form.variants.map((v) => ({ ...v, weight: '0' })),
      }),
    ).toBeNull();
    expect(splitOf({ ...form, holdoutWeight: 'x' })).toBeNull();
  });

  it('finds what the server would refuse, with its field paths', () => {
    const form: ExperimentForm = {
      ...newExperimentForm('Tour', versions),
      name: ' ',
      holdout: false,
      variants: [{ key: 'Control', name: '', versionId: '', weight: '-1' }],
    };
    expect(formIssues(form).map((i) => i.path)).toEqual([
      'name',
      'goalId',
      'variants.0.key',
      'variants.0.versionId',
      'variants.0.weight',
      'variants',
    ]);
  });

  it('builds the create body, leaving the goal out of the guardrails', () => {
    const form = {
      ...newExperimentForm('Tour', versions),
      goalId: 'g1',
      guardrailGoalIds: ['g1', 'g2'],
      seed: ' s ',
    };
    expect(formIssues(form)).toEqual([]);
    expect(formToBody(form, 'c1')).toEqual({
      contentId: 'c1',
      name: 'Tour test',
      variants: [{ key: 'treatment', versionId: 'v2', weight: 50 }],
      holdout: { weight: 50 },
      goalId: 'g1',
      guardrailGoalIds: ['g2'],
      seed: 's',
    });
  });
});

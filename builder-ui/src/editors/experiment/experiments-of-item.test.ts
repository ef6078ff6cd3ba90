import type { Experiment, ExperimentStatus } from '@waymark/shared';
import { openExperimentOf, pastExperimentsOf, withExperiment } from './experiments-of-item';

const experiment = (id: string, status: ExperimentStatus, createdAt: string): Experiment => ({
  id,
  contentId: 'c1',
  name: id,
  status,
  seed: id,
  variants: [],
  holdout: null,
  goalId: 'g',
  guardrailGoalIds: [],
  startedAt: null,
  stoppedAt: null,
  shippedVariant: status === 'shipped' ? 'a' : null,
  createdAt,
  updatedAt: createdAt,
});

describe('experiments of one item', () => {
  const shipped = experiment('first', 'shipped', '2026-01-01T00:00:00.000Z');
  const stopped = experiment('second', 'stopped', '2026-02-01T00:00:00.000Z');
  const draft = experiment('third', 'draft', '2026-03-01T00:00:00.000Z');

  it('sorts newest first and replaces a changed experiment in place', () => {
    const list = withExperiment([shipped, draft, stopped]);
    expect(list.map((e) => e.id)).toEqual(['third', 'second', 'first']);
    const running = { ...draft, status: 'running' as const };
    expect(withExperiment(list, running)).toEqual([running, stopped, shipped]);
  });

  it('adds a new experiment at the top', () => {
    const fresh = experiment('fourth', 'draft', '2026-04-01T00:00:00.000Z');
    expect(withExperiment([stopped, shipped], fresh).map((e) => e.id)).toEqual([
      'fourth',
      'second',
      'first',
    ]);
  });

  it('finds the open experiment (draft or running) and none once all ended', () => {
    expect(openExperimentOf([draft, stopped, shipped])).toBe(draft);
    expect(openExperimentOf([{ ...draft, status: 'running' }])?.id).toBe('third');
    expect(openExperimentOf([stopped, shipped])).toBeNull();
  });

  it('lists the ended ones as the past', () => {
    expect(pastExperimentsOf([draft, stopped, shipped])).toEqual([stopped, shipped]);
  });
});

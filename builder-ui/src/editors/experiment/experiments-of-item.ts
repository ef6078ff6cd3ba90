import type { Experiment } from '@waymark/shared';

/** Newest first, with `changed` put in place of its old copy (or added). */
export function withExperiment(list: Experiment[], changed?: Experiment): Experiment[] {
  const rest = changed ? list.filter((e) => e.id !== changed.id) : list;
  return [...(changed ? [changed] : []), ...rest].sort((a, b) =>
    b.createdAt.localeCompare(a.createdAt),
  );
}

/** The experiment that holds the item (draft or running; the server allows at most one). */
export const openExperimentOf = (mine: Experiment[]): Experiment | null =>
  mine.find((e) => e.status === 'draft' || e.status === 'running') ?? null;

/** Ended experiments (stopped or shipped), in the order given. */
export const pastExperimentsOf = (mine: Experiment[]): Experiment[] =>
  mine.filter((e) => e.status === 'stopped' || e.status === 'shipped');

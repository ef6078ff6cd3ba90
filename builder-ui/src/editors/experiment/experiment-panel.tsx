import type { ContentDetail } from '@waymark/shared';

export interface ExperimentPanelProps {
  content: ContentDetail;
  readOnly: boolean;
}

/** Placeholder (H7): variants, holdout, weights, goal, guardrails, sample size; start/stop/ship. */
export function ExperimentPanel(_props: ExperimentPanelProps) {
  return <p class="muted">Experiments are not built yet.</p>;
}

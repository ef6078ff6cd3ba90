import type {
  ContentVersionSummary,
  Experiment,
  ExperimentCreate,
  FieldIssue,
} from '@waymark/shared';

export interface VariantForm {
  key: string;
  name: string;
  versionId: string;
  weight: string;
}

export interface ExperimentForm {
  name: string;
  variants: VariantForm[];
  holdout: boolean;
  holdoutWeight: string;
  goalId: string;
  guardrailGoalIds: string[];
  seed: string;
}

/** A new experiment: the current version against a holdout, 50/50. */
export function newExperimentForm(
  contentName: string,
  versions: ContentVersionSummary[],
): ExperimentForm {
  const current = versions.find((v) => v.current) ?? versions[0];
  return {
    name: `${contentName} test`,
    variants: [{ key: 'treatment', name: '', versionId: current?.id ?? '', weight: '50' }],
    holdout: true,
    holdoutWeight: '50',
    goalId: '',
    guardrailGoalIds: [],
    seed: '',
  };
}

export const experimentToForm = (e: Experiment): ExperimentForm => ({
  name: e.name,
  variants: e.variants.map((v) => ({
    key: v.key,
    name: v.name ?? '',
    versionId: v.versionId,
    weight: String(v.weight),
  })),
  holdout: e.holdout !== null,
  holdoutWeight: String(e.holdout?.weight ?? 50),
  goalId: e.goalId,
  guardrailGoalIds: [...e.guardrailGoalIds],
  seed: e.seed,
});

const weight = (text: string): number => {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : NaN;
};

/** Each arm's share of traffic in %, control first; null when the weights do not add up. */
export function splitOf(form: ExperimentForm): Array<{ key: string; percent: number }> | null {
  const arms = [
    ...(form.holdout ? [{ key: 'control', w: weight(form.holdoutWeight) }] : []),
    ...form.variants.map((v) => ({ key: v.key || '(unnamed)', w: weight(v.weight) })),
  ];
  if (arms.some((a) => Number.isNaN(a.w) || a.w < 0)) return null;
  const total = arms.reduce((sum, a) => sum + a.w, 0);
  if (total <= 0) return null;
  return arms.map((a) => ({ key: a.key, percent: (a.w / total) * 100 }));
}

/** Problems the author can fix before asking the server, with the server's field paths. */
export function formIssues(form: ExperimentForm): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!form.name.trim()) issues.push({ path: 'name', message: 'Name the experiment.' });
  if (!form.goalId) issues.push({ path: 'goalId', message: 'Choose the goal it is judged on.' });
  const keys = new Set<string>();
  form.variants.forEach((v, i) => {
    const key = v.key.trim().toLowerCase();
    if (!/^[a-z0-9][a-z0-9_-]{0,31}$/i.test(v.key.trim())) {
      issues.push({ path: `variants.${i}.key`, message: 'Letters, digits, - and _, at most 32.' });
    } else if (key === 'control') {
      issues.push({ path: `variants.${i}.key`, message: '“control” names the holdout.' });
    } else if (keys.has(key)) {
      issues.push({ path: `variants.${i}.key`, message: 'Each variant needs its own key.' });
    }
    keys.add(key);
    if (!v.versionId)
      issues.push({ path: `variants.${i}.versionId`, message: 'Choose a version.' });
    const w = weight(v.weight);
    if (Number.isNaN(w) || w < 0 || w > 1000) {
      issues.push({ path: `variants.${i}.weight`, message: 'A weight from 0 to 1000.' });
    }
  });
  if (form.variants.length + (form.holdout ? 1 : 0) < 2) {
    issues.push({ path: 'variants', message: 'Use two variants, or one with a holdout.' });
  }
  if (form.holdout) {
    const w = weight(form.holdoutWeight);
    if (Number.isNaN(w) || w < 0 || w > 1000) {
      issues.push({ path: 'holdout.weight', message: 'A weight from 0 to 1000.' });
    }
  }
  if (issues.length === 0 && splitOf(form) === null) {
    issues.push({ path: 'variants', message: 'The weights must add up to more than 0.' });
  }
  return issues;
}

/** The body of a create (or, without contentId/seed, an update). */
export function formToBody(form: ExperimentForm, contentId: string): ExperimentCreate {
  return {
    contentId,
    name: form.name.trim(),
    variants: form.variants.map((v) => ({
      key: v.key.trim(),
      ...(v.name.trim() ? { name: v.name.trim() } : {}),
      versionId: v.versionId,
      weight: weight(v.weight),
    })),
    holdout: form.holdout ? { weight: weight(form.holdoutWeight) } : null,
    goalId: form.goalId,
    guardrailGoalIds: form.guardrailGoalIds.filter((id) => id !== form.goalId),
    ...(form.seed.trim() ? { seed: form.seed.trim() } : {}),
  };
}

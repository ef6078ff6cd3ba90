import {
  assignVariant,
  explainItem,
  scheduleVerdict,
  type ArmAssignment,
  type AudienceOutcome,
  type FrequencyState,
  type ItemFacts,
} from '@waymark/shared';
import type { NewAssignment, StoredAssignment } from '../experiments/assignments.service';
import type {
  ConfigItem,
  RunningExperiment,
  VersionPayload,
  WorkspaceConfig,
} from './workspace-config';

/** Saved progress of one user in one item. */
export interface ProgressState extends FrequencyState {
  contentId: string;
  versionId: string;
  stepId: string | null;
  items: string[];
  answers: Record<string, unknown>;
}

/** What is stored about one user: progress by content id, assignments by experiment id. */
export interface UserState {
  progress: Map<string, ProgressState>;
  assignments: Map<string, StoredAssignment>;
}

export interface Delivered {
  item: ConfigItem;
  payload: VersionPayload;
  experiment: { experimentId: string; variant: string } | null;
}

export interface Decision {
  delivered: Delivered[];
  /** Held out by an experiment: nothing shown, exposure still reported by the widget. */
  holdouts: Array<{ item: ConfigItem; experimentId: string }>;
  /** First assignments made by this decision, to store. */
  newAssignments: NewAssignment[];
}

const MATCH: AudienceOutcome = { result: 'match' };
const NO_MATCH: AudienceOutcome = { result: 'no_match' };

/** An item's outcome; an audience the evaluator skipped (closed trait gate) does not match. */
export const audienceOf = (
  item: Pick<ConfigItem, 'id' | 'rule'>,
  audiences: Map<string, AudienceOutcome>,
): AudienceOutcome => audiences.get(item.id) ?? (item.rule ? NO_MATCH : MATCH);

/**
 * The user's arm: the stored one while it is still an arm of the experiment (sticky), else the
 * deterministic hash. `fresh` when it must be stored.
 */
export function armOf(
  experiment: RunningExperiment,
  stored: StoredAssignment | undefined,
  hashKey: string,
): { assignment: ArmAssignment | null; fresh: boolean } {
  if (stored) {
    if (stored.arm === 'control' && experiment.holdout) {
      return { assignment: { arm: 'control', key: 'control' }, fresh: false };
    }
    const variant = experiment.variants.find((v) => v.key === stored.arm);
    if (variant) {
      return {
        assignment: { arm: 'variant', key: variant.key, versionId: variant.versionId },
        fresh: false,
      };
    }
  }
  const assignment = assignVariant(experiment, hashKey);
  return { assignment, fresh: assignment !== null };
}

/** The facts the shared explainer reads, for one item and one user. */
export function factsOf(
  item: Pick<
    ConfigItem,
    | 'id'
    | 'name'
    | 'kind'
    | 'priority'
    | 'status'
    | 'publishedVersionId'
    | 'triggers'
    | 'schedule'
    | 'frequency'
  >,
  audience: AudienceOutcome,
  progress: ProgressState | undefined,
  experiment: ItemFacts['experiment'],
): ItemFacts {
  return {
    contentId: item.id,
    name: item.name,
    kind: item.kind,
    priority: item.priority,
    status: item.status,
    publishedVersionId: item.publishedVersionId,
    triggers: item.triggers,
    audience,
    schedule: item.schedule,
    frequency: item.frequency,
    progress: progress ?? null,
    experiment,
  };
}

/**
 * Items whose audience matches and whose status, schedule and frequency allow them now, in
 * delivery order. Only items the audience evaluator matched (or with no audience) are checked,
 * with the same shared explainer as the eligibility API, so the two never disagree. Pure.
 */
export function eligibleItems(
  config: WorkspaceConfig,
  audiences: Map<string, AudienceOutcome>,
  progress: Map<string, ProgressState>,
  now: Date,
): ConfigItem[] {
  return eligibleNow(config, audiences, progress, now).items;
}

/**
 * `eligibleItems`, and until when the clock alone cannot change them (ms since the epoch;
 * Infinity when it never can): the first schedule boundary or "every N days" reopening among
 * the items whose audience matched. Audiences reading the clock are not covered (see
 * `WorkspaceConfig.requestDecides`).
 */
export function eligibleNow(
  config: WorkspaceConfig,
  audiences: Map<string, AudienceOutcome>,
  progress: Map<string, ProgressState>,
  now: Date,
): { items: ConfigItem[]; until: number } {
  const pool = [...config.open];
  for (const [id, outcome] of audiences) {
    const item = config.byId.get(id);
    if (item && outcome.result === 'match') pool.push(item);
  }
  pool.sort((a, b) => a.index - b.index);
  let until = Infinity;
  const items = pool.filter((item) => {
    if (!item.published) return false;
    const state = progress.get(item.id);
    until = Math.min(
      until,
      scheduleVerdict(item.schedule, now).until?.getTime() ?? Infinity,
      reopensAt(item.frequency, state, now),
    );
    return explainItem(factsOf(item, audienceOf(item, audiences), state, null), now).eligible;
  });
  return { items, until };
}

const DAY_MS = 86_400_000;

/** When "every N days" lets a finished item show again, if that is still ahead. */
function reopensAt(
  frequency: ConfigItem['frequency'],
  state: ProgressState | undefined,
  now: Date,
): number {
  if (frequency.type !== 'every_n_days' || !state?.shownAt || state.status === 'in_progress') {
    return Infinity;
  }
  const next = Date.parse(state.shownAt) + frequency.days * DAY_MS;
  return next > now.getTime() ? next : Infinity;
}

/**
 * What the user gets among eligible items: each resolved to its experiment arm's version (held
 * out for the control arm), else the published version. Pure.
 */
export function resolveArms(
  eligible: ConfigItem[],
  assignments: Map<string, StoredAssignment>,
  hashKey: string,
  userKey: string,
): Decision {
  const decision: Decision = { delivered: [], holdouts: [], newAssignments: [] };
  for (const item of eligible) {
    const experiment = item.experiment;
    if (!item.published) continue;
    if (!experiment) {
      decision.delivered.push({ item, payload: item.published, experiment: null });
      continue;
    }
    const { assignment, fresh } = armOf(experiment, assignments.get(experiment.id), hashKey);
    if (!assignment) {
      // No arm has traffic: the experiment takes nobody, everyone gets the published version.
      decision.delivered.push({ item, payload: item.published, experiment: null });
      continue;
    }
    if (fresh) {
      decision.newAssignments.push({
        experimentId: experiment.id,
        userKey,
        arm: assignment.key,
        versionId: assignment.arm === 'variant' ? assignment.versionId : null,
      });
    }
    if (assignment.arm === 'control') {
      decision.holdouts.push({ item, experimentId: experiment.id });
      continue;
    }
    const payload = experiment.variants.find((v) => v.key === assignment.key)?.payload;
    if (payload) {
      decision.delivered.push({
        item,
        payload,
        experiment: { experimentId: experiment.id, variant: assignment.key },
      });
    }
  }
  return decision;
}

import type { ContentKind, ContentStatus } from '../content/content.schema.js';
import type { ArmAssignment } from '../experiments/experiment.schema.js';
import type { Trigger } from '../sdk/trigger.schema.js';
import type { Frequency, Schedule } from './delivery.schema.js';
import type { EligibilityReason, ItemEligibility } from './eligibility.schema.js';
import { frequencyAllows, type FrequencyState } from './frequency.check.js';
import { scheduleVerdict } from './schedule.check.js';

/** How an audience came out for one user; the server evaluates it, the explainer reports it. */
export interface AudienceOutcome {
  result: 'match' | 'no_match' | 'not_evaluable';
  detail?: string;
}

/** Everything known about one content item for one user. */
export interface ItemFacts {
  contentId: string;
  name: string;
  kind: ContentKind;
  priority: number;
  status: ContentStatus;
  publishedVersionId: string | null;
  triggers: readonly Trigger[];
  audience: AudienceOutcome;
  schedule: Schedule | null;
  frequency: Frequency;
  progress: FrequencyState | null;
  /** A running experiment on the item and this user's arm (null: no arm has traffic). */
  experiment: { experimentId: string; name: string; assignment: ArmAssignment | null } | null;
}

/** Kinds that take the one blocking surface; banners, launchers and checklists sit beside it. */
const BLOCKING_KINDS: ReadonlySet<ContentKind> = new Set(['flow', 'survey']);

const audienceReason = ({ result, detail }: AudienceOutcome): EligibilityReason => {
  const more = detail ? ` (${detail})` : '';
  if (result === 'match')
    return { check: 'audience', verdict: 'pass', message: `audience matches${more}` };
  if (result === 'no_match')
    return { check: 'audience', verdict: 'fail', message: `audience does not match${more}` };
  return {
    check: 'audience',
    verdict: 'fail',
    message: `not eligible: audience not evaluable${more}`,
  };
};

function experimentReason(experiment: NonNullable<ItemFacts['experiment']>): EligibilityReason {
  const label = `experiment "${experiment.name}"`;
  const a = experiment.assignment;
  if (!a) return { check: 'experiment', verdict: 'fail', message: `${label}: no arm has traffic` };
  if (a.arm === 'control') {
    return {
      check: 'experiment',
      verdict: 'fail',
      message: `${label}: holdout (control), nothing is shown; exposure is recorded when the trigger fires`,
    };
  }
  return { check: 'experiment', verdict: 'pass', message: `${label}: variant "${a.key}"` };
}

/** Every check for one item, without priority (which needs the other items). Pure. */
export function explainItem(facts: ItemFacts, now: Date): ItemEligibility {
  const reasons: EligibilityReason[] = [];
  const published = facts.status === 'published' && facts.publishedVersionId !== null;
  reasons.push(
    published
      ? { check: 'status', verdict: 'pass', message: 'published' }
      : { check: 'status', verdict: 'fail', message: `not published (${facts.status})` },
  );
  reasons.push(audienceReason(facts.audience));
  const schedule = scheduleVerdict(facts.schedule, now);
  reasons.push({
    check: 'schedule',
    verdict: schedule.open ? 'pass' : 'fail',
    message: schedule.reason,
  });
  const frequency = frequencyAllows(facts.frequency, facts.progress, now);
  reasons.push({
    check: 'frequency',
    verdict: frequency.allowed ? 'pass' : 'fail',
    message: frequency.reason,
  });
  const assignment = facts.experiment?.assignment ?? null;
  if (facts.experiment) reasons.push(experimentReason(facts.experiment));
  const eligible = reasons.every((r) => r.verdict !== 'fail');
  const versionId = !eligible
    ? null
    : assignment?.arm === 'variant'
      ? assignment.versionId
      : facts.publishedVersionId;
  return {
    contentId: facts.contentId,
    name: facts.name,
    kind: facts.kind,
    priority: facts.priority,
    eligible,
    versionId,
    experiment:
      facts.experiment && assignment
        ? { experimentId: facts.experiment.experimentId, arm: assignment.arm, key: assignment.key }
        : null,
    reasons,
  };
}

const globToRegExp = (pattern: string): RegExp =>
  new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );

const pagesOverlap = (a: readonly Trigger[], b: readonly Trigger[]): boolean => {
  const pa = a.flatMap((t) => (t.type === 'url' ? [t.pattern] : []));
  const pb = b.flatMap((t) => (t.type === 'url' ? [t.pattern] : []));
  if (pa.length === 0 || pb.length === 0) return true;
  return pa.some((x) =>
    pb.some((y) => x === y || globToRegExp(x).test(y) || globToRegExp(y).test(x)),
  );
};

/** When an item fires: `page` for immediate/delay, `event:<name>`, or nothing for manual. */
const timingsOf = (triggers: readonly Trigger[]): Set<string> => {
  const timing = triggers.filter((t) => t.type !== 'url');
  if (timing.length === 0) return new Set(['page']);
  return new Set(
    timing.flatMap((t) =>
      t.type === 'event' ? [`event:${t.event}`] : t.type === 'manual' ? [] : ['page'],
    ),
  );
};

/** Whether two items can trigger at the same moment on the same page. */
export function triggersOverlap(a: readonly Trigger[], b: readonly Trigger[]): boolean {
  const ta = timingsOf(a);
  return [...timingsOf(b)].some((t) => ta.has(t)) && pagesOverlap(a, b);
}

/**
 * Explains every item for one user, in the given order (the server's: priority, then age).
 * Eligible blocking items that can trigger together with a higher-ranked eligible one get a
 * `priority` warning naming it: the widget shows one at a time, highest priority first.
 */
export function explainEligibility(items: readonly ItemFacts[], now: Date): ItemEligibility[] {
  const explained = items.map((facts) => explainItem(facts, now));
  return explained.map((result, i) => {
    const facts = items[i]!;
    if (!result.eligible || !BLOCKING_KINDS.has(facts.kind)) return result;
    const ahead = explained.findIndex(
      (other, j) =>
        j !== i &&
        other.eligible &&
        BLOCKING_KINDS.has(other.kind) &&
        (other.priority > result.priority || (other.priority === result.priority && j < i)) &&
        triggersOverlap(items[j]!.triggers, facts.triggers),
    );
    const blocker = explained[ahead];
    const reason: EligibilityReason = blocker
      ? {
          check: 'priority',
          verdict: 'warn',
          message: `priority conflict: waits behind "${blocker.name}" (priority ${blocker.priority}), which can trigger on the same page`,
        }
      : {
          check: 'priority',
          verdict: 'pass',
          message: `priority ${result.priority}: first in line`,
        };
    return { ...result, reasons: [...result.reasons, reason] };
  });
}

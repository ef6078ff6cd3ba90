import type { EligibleContent, HoldoutContent, Progress } from '@waymark/shared';
import { createHash } from 'node:crypto';
import type { Decision, Delivered, ProgressState } from './decision.engine';

function progressOf(state: ProgressState | undefined): Progress | null {
  if (!state) return null;
  return {
    status: state.status,
    ...(state.stepId ? { stepId: state.stepId } : {}),
    ...(state.items.length > 0 ? { items: state.items } : {}),
    ...(Object.keys(state.answers).length > 0
      ? { answers: state.answers as NonNullable<Progress['answers']> }
      : {}),
  };
}

/** Serialised progress per state object (states are shared and never mutated). */
const progressJsonOf = new WeakMap<ProgressState, string>();

function servedProgress(state: ProgressState | undefined): string {
  if (!state) return 'null';
  let json = progressJsonOf.get(state);
  if (json === undefined) {
    json = JSON.stringify(progressOf(state));
    progressJsonOf.set(state, json);
  }
  return json;
}

export function toEligible(
  d: Delivered,
  progress: Map<string, ProgressState>,
  locale: string | undefined,
): EligibleContent {
  return {
    id: d.item.id,
    versionId: d.payload.versionId,
    kind: d.item.kind,
    name: d.item.name,
    priority: d.item.priority,
    definition: d.payload.forLocale(locale),
    triggers: d.item.triggers,
    progress: progressOf(progress.get(d.item.id)),
    ...(d.experiment ? { experiment: d.experiment } : {}),
  };
}

const toHoldout = ({ item, experimentId }: Decision['holdouts'][number]): HoldoutContent => ({
  id: item.id,
  kind: item.kind,
  priority: item.priority,
  triggers: item.triggers,
  experimentId,
});

/** `toEligible` as JSON, from fragments serialised once per configuration (same fields). */
function eligibleJson(
  d: Delivered,
  progressJson: string,
  experimentJson: string,
  locale: string | undefined,
): string {
  return (
    `{"id":"${d.item.id}","versionId":"${d.payload.versionId}",${d.item.json},` +
    `"definition":${d.payload.jsonForLocale(locale)},"progress":${progressJson}` +
    `${experimentJson ? `,"experiment":${experimentJson}` : ''}}`
  );
}

/** The workspace's feature tags as serialised once per configuration. */
export interface FeatureTagsFragment {
  featureTagsJson: string;
  featureTagsStamp: string;
}

const NO_TAGS: FeatureTagsFragment = { featureTagsJson: '[]', featureTagsStamp: '' };

/**
 * An answer as sent: its bytes, its etag, and its compressed twins, made when a client first
 * asks for one (`answer-encoding.ts`) and kept with it.
 */
export interface Assembled {
  body: Buffer;
  etag: string;
  coded: Partial<Record<'br' | 'gzip', Buffer>>;
}

/**
 * Answers already assembled, by the descriptor of what they hold (see `partsOf`), held by each
 * configuration and dropped with it. Bounded by bytes: when full it starts over.
 */
export class AnswerMemo {
  private readonly byDescriptor = new Map<string, Assembled>();
  private bytes = 0;

  constructor(private readonly maxBytes = 32 * 1024 * 1024) {}

  get(descriptor: string): Assembled | undefined {
    return this.byDescriptor.get(descriptor);
  }

  set(descriptor: string, answer: Assembled): void {
    // A fifth more for the compressed twins it may get (each about a tenth of the body).
    const size = Math.ceil(answer.body.length * 1.2) + descriptor.length * 2;
    if (size > this.maxBytes / 16) return;
    if (this.bytes + size > this.maxBytes) {
      this.byDescriptor.clear();
      this.bytes = 0;
    }
    this.byDescriptor.set(descriptor, answer);
    this.bytes += size;
  }
}

interface Parts {
  /** Everything the answer holds, as text; its SHA-1 is the etag. */
  descriptor: string;
  progressJson: string[];
  experimentJson: string[];
}

/**
 * The descriptor names everything the answer holds: the locale, the feature tags' state, and per
 * item its id, exact version, the shared theme's state, its own fields' stamp, the progress and
 * the arm as served; per holdout its id, stamp and experiment. Versions are immutable, so equal
 * descriptors (and etags) mean byte-equal answers — whoever the user is.
 */
function partsOf(
  decision: Decision,
  progress: Map<string, ProgressState>,
  locale: string | undefined,
  tags: FeatureTagsFragment,
): Parts {
  let descriptor = `${locale ?? ''}|t:${tags.featureTagsStamp}`;
  const progressJson: string[] = [];
  const experimentJson: string[] = [];
  for (const d of decision.delivered) {
    const p = servedProgress(progress.get(d.item.id));
    const e = d.experiment ? JSON.stringify(d.experiment) : '';
    progressJson.push(p);
    experimentJson.push(e);
    descriptor += `|${d.item.id}:${d.payload.versionId}:${d.payload.stamp}:${d.item.stamp}:${e}:${p}`;
  }
  for (const h of decision.holdouts)
    descriptor += `|h:${h.item.id}:${h.item.stamp}:${h.experimentId}`;
  return { descriptor, progressJson, experimentJson };
}

const etagOf = (descriptor: string): string =>
  createHash('sha1').update(descriptor).digest('base64url');

function assemble(
  decision: Decision,
  parts: Parts,
  etag: string,
  locale: string | undefined,
  tags: FeatureTagsFragment,
): string {
  const content = decision.delivered.map((d, i) =>
    eligibleJson(d, parts.progressJson[i]!, parts.experimentJson[i]!, locale),
  );
  const holdouts = JSON.stringify(decision.holdouts.map(toHoldout));
  return (
    `{"content":[${content.join(',')}],"etag":"${etag}","holdouts":${holdouts},` +
    `"featureTags":${tags.featureTagsJson}${locale ? `,"locale":${JSON.stringify(locale)}` : ''}}`
  );
}

/**
 * The session answer as JSON (a `SessionResponse`), assembled from memoised fragments: the
 * definitions are most of its bytes and are serialised once per version and locale.
 */
export function sessionAnswerJson(
  decision: Decision,
  progress: Map<string, ProgressState>,
  locale: string | undefined,
  tags: FeatureTagsFragment = NO_TAGS,
): { json: string; etag: string } {
  const parts = partsOf(decision, progress, locale, tags);
  const etag = etagOf(parts.descriptor);
  return { json: assemble(decision, parts, etag, locale, tags), etag };
}

/**
 * What the memo is looked up by: like the descriptor, but short and cheap to build and hash —
 * items by their position in the configuration the memo belongs to (so their fields, version
 * payloads and stamps are fixed), the served version by id only when an experiment arm picked
 * it, progress as served. The locale separates answers localized differently.
 */
function memoKeyOf(
  decision: Decision,
  progress: Map<string, ProgressState>,
  locale: string | undefined,
): string {
  let key = locale ?? '';
  for (const d of decision.delivered) {
    key += `|${d.item.index}`;
    if (d.experiment) key += `:${d.experiment.variant}:${d.payload.versionId}`;
    const p = progress.get(d.item.id);
    if (p) key += `:${servedProgress(p)}`;
  }
  for (const h of decision.holdouts) key += `|h${h.item.index}`;
  return key;
}

/**
 * `sessionAnswerJson` as UTF-8 bytes, memoised in `config.answers` by what it holds: users who
 * get the same answer (same items, versions, progress, arms, locale) share one buffer and etag,
 * assembled and hashed once. The memo is looked up by a short key (`memoKeyOf`); the etag is
 * still the hash of the full descriptor, so it is the same on every instance and configuration
 * load for the same answer.
 */
export function sessionAnswer(
  decision: Decision,
  progress: Map<string, ProgressState>,
  locale: string | undefined,
  config: FeatureTagsFragment & { answers: AnswerMemo },
): Assembled {
  const key = memoKeyOf(decision, progress, locale);
  let answer = config.answers.get(key);
  if (!answer) {
    const parts = partsOf(decision, progress, locale, config);
    const etag = etagOf(parts.descriptor);
    const body = Buffer.from(assemble(decision, parts, etag, locale, config));
    answer = { body, etag, coded: {} };
    config.answers.set(key, answer);
  }
  return answer;
}

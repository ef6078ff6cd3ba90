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

/** Answers already assembled, by etag (held by each configuration; see `sessionAnswer`). */
export class AnswerMemo {
  private readonly byEtag = new Map<string, Buffer>();
  private bytes = 0;

  constructor(private readonly maxBytes = 32 * 1024 * 1024) {}

  get(etag: string): Buffer | undefined {
    return this.byEtag.get(etag);
  }

  set(etag: string, body: Buffer): void {
    if (body.length > this.maxBytes / 16) return;
    if (this.bytes + body.length > this.maxBytes) {
      this.byEtag.clear();
      this.bytes = 0;
    }
    this.byEtag.set(etag, body);
    this.bytes += body.length;
  }
}

interface Parts {
  etag: string;
  progressJson: string[];
  experimentJson: string[];
  holdouts: HoldoutContent[];
}

/**
 * The etag hashes everything the answer holds: the locale, the feature tags' state, and per item
 * its id, exact version, the shared theme's state, its own fields' stamp, the progress and the
 * arm as served; per holdout its id, stamp and experiment. Versions are immutable, so equal
 * etags mean byte-equal answers — whoever the user is.
 */
function partsOf(
  decision: Decision,
  progress: Map<string, ProgressState>,
  locale: string | undefined,
  tags: FeatureTagsFragment,
): Parts {
  const hash = createHash('sha1').update(`${locale ?? ''}|t:${tags.featureTagsStamp}`);
  const progressJson: string[] = [];
  const experimentJson: string[] = [];
  for (const d of decision.delivered) {
    const p = JSON.stringify(progressOf(progress.get(d.item.id)));
    const e = d.experiment ? JSON.stringify(d.experiment) : '';
    progressJson.push(p);
    experimentJson.push(e);
    hash.update(
      `|${d.item.id}:${d.payload.versionId}:${d.payload.stamp}:${d.item.stamp}:${e}:${p}`,
    );
  }
  const holdouts = decision.holdouts.map(toHoldout);
  for (const h of decision.holdouts) hash.update(`|h:${h.item.id}:${h.item.stamp}:${h.experimentId}`);
  return { etag: hash.digest('base64url'), progressJson, experimentJson, holdouts };
}

function assemble(
  decision: Decision,
  parts: Parts,
  locale: string | undefined,
  tags: FeatureTagsFragment,
): string {
  const content = decision.delivered.map((d, i) =>
    eligibleJson(d, parts.progressJson[i]!, parts.experimentJson[i]!, locale),
  );
  return (
    `{"content":[${content.join(',')}],"etag":"${parts.etag}","holdouts":${JSON.stringify(parts.holdouts)},` +
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
  return { json: assemble(decision, parts, locale, tags), etag: parts.etag };
}

/**
 * `sessionAnswerJson` as UTF-8 bytes, memoised by etag in `memo`: users who get the same answer
 * (same items, versions, progress, arms, locale) share one buffer, assembled once.
 */
export function sessionAnswer(
  decision: Decision,
  progress: Map<string, ProgressState>,
  locale: string | undefined,
  config: FeatureTagsFragment & { answers: AnswerMemo },
): { body: Buffer; etag: string } {
  const parts = partsOf(decision, progress, locale, config);
  let body = config.answers.get(parts.etag);
  if (!body) {
    body = Buffer.from(assemble(decision, parts, locale, config));
    config.answers.set(parts.etag, body);
  }
  return { body, etag: parts.etag };
}

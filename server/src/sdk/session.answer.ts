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
  progress: ProgressState | undefined,
  locale: string | undefined,
): string {
  const experiment = d.experiment ? `,"experiment":${JSON.stringify(d.experiment)}` : '';
  return (
    `{"id":"${d.item.id}","versionId":"${d.payload.versionId}",${d.item.json},` +
    `"definition":${d.payload.jsonForLocale(locale)},"progress":${JSON.stringify(progressOf(progress))}` +
    `${experiment}}`
  );
}

/**
 * The session answer as JSON (a `SessionResponse`), assembled from memoised fragments: the
 * definitions are most of its bytes and are serialised once per version and locale. Its etag
 * hashes what the user gets: item ids, exact versions, the shared theme's state, progress, arms
 * and the locale; versions are immutable, so equal etags mean equal answers.
 */
export function sessionAnswerJson(
  decision: Decision,
  progress: Map<string, ProgressState>,
  locale: string | undefined,
): { json: string; etag: string } {
  const hash = createHash('sha1').update(locale ?? '');
  const content: string[] = [];
  for (const d of decision.delivered) {
    const p = progress.get(d.item.id);
    hash.update(
      `|${d.item.id}:${d.payload.versionId}:${d.payload.stamp}:${d.experiment?.variant ?? ''}:` +
        `${p ? `${p.status}/${p.stepId ?? ''}/${p.items.length}/${Object.keys(p.answers).length}` : ''}` +
        `:${d.item.stamp}`,
    );
    content.push(eligibleJson(d, p, locale));
  }
  const holdouts = decision.holdouts.map(toHoldout);
  for (const h of holdouts) hash.update(`|h:${h.id}:${h.experimentId}`);
  const etag = hash.digest('base64url');
  const json =
    `{"content":[${content.join(',')}],"etag":"${etag}","holdouts":${JSON.stringify(holdouts)},` +
    `"featureTags":[]${locale ? `,"locale":${JSON.stringify(locale)}` : ''}}`;
  return { json, etag };
}

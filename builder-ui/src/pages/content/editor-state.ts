import type { ContentDefinition, ContentDetail, ContentVersionSummary } from '@waymark/shared';
import type { ContentApi } from '../../api/content';

/** What the editor opens with: the item, its versions, and the definition being edited. */
export interface EditorData {
  content: ContentDetail;
  versions: ContentVersionSummary[];
  /** The draft's, else the live or latest version's (editing it makes a draft from it). */
  definition: ContentDefinition;
  themeId: string | null;
}

/** The version to compare a draft with: the live one, else the last one that was published. */
export function baselineVersion(
  content: ContentDetail,
  versions: readonly ContentVersionSummary[],
): ContentVersionSummary | undefined {
  return (
    versions.find((v) => v.id === content.publishedVersionId) ??
    versions.find((v) => v.publishedAt !== null)
  );
}

export async function loadEditor(
  content: ContentApi,
  contentId: string,
  signal: AbortSignal,
): Promise<EditorData> {
  const [detail, versions] = await Promise.all([
    content.get(contentId, signal),
    content.versions(contentId, signal),
  ]);
  if (detail.draft) {
    return {
      content: detail,
      versions,
      definition: detail.draft.definition,
      themeId: detail.draft.themeId,
    };
  }
  const base = baselineVersion(detail, versions) ?? versions[0];
  if (!base) throw new Error('This item has no versions.');
  const version = await content.version(contentId, base.id, signal);
  return { content: detail, versions, definition: version.definition, themeId: version.themeId };
}

/** True when no version was ever published: only then can the item be deleted. */
export const neverPublished = (versions: readonly ContentVersionSummary[]): boolean =>
  versions.every((v) => v.publishedAt === null);

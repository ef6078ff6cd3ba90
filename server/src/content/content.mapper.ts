import type {
  ContentDetail,
  ContentSummary,
  ContentVersionDetail,
  ContentVersionSummary,
  DeliverySettings,
} from '@waymark/shared';
import type { ContentVersion } from './content-version.entity';
import type { Content } from './content.entity';

export const deliveryOf = (c: Content): DeliverySettings => ({
  audience: c.audience,
  triggers: c.triggers,
  frequency: c.frequency,
  priority: c.priority,
  schedule: c.schedule,
});

export function toSummary(
  c: Content,
  publishedVersion: number | null,
  hasDraft: boolean,
): ContentSummary {
  return {
    id: c.id,
    kind: c.kind,
    name: c.name,
    status: c.status,
    publishedVersion,
    hasDraft,
    priority: c.priority,
    audience: c.audience,
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function toVersionSummary(v: ContentVersion, current: string | null): ContentVersionSummary {
  return {
    id: v.id,
    version: v.version,
    publishedAt: v.publishedAt?.toISOString() ?? null,
    current: v.id === current,
    createdAt: v.createdAt.toISOString(),
  };
}

export const toVersion = (v: ContentVersion, current: string | null): ContentVersionDetail => ({
  ...toVersionSummary(v, current),
  definition: v.definition,
  themeId: v.themeId,
});

export function toDetail(
  c: Content,
  published: ContentVersion | null,
  draft: ContentVersion | null,
): ContentDetail {
  return {
    id: c.id,
    kind: c.kind,
    name: c.name,
    status: c.status,
    delivery: deliveryOf(c),
    publishedVersionId: c.publishedVersionId,
    publishedVersion: published?.version ?? null,
    draft: draft ? toVersion(draft, c.publishedVersionId) : null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of an item: enough to see what changed, never whole definitions. */
export const auditSummary = (c: Content, extra: Record<string, unknown> = {}) => ({
  name: c.name,
  kind: c.kind,
  status: c.status,
  publishedVersionId: c.publishedVersionId,
  ...extra,
});

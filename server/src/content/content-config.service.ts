import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  Audience,
  ContentDefinition,
  ContentKind,
  ContentStatus,
  FeatureTag,
  Frequency,
  Schedule,
  Theme as ThemeTokens,
  Trigger,
} from '@waymark/shared';
import { DataSource } from 'typeorm';

/** One content item with its delivery settings, as the decision path reads it. */
export interface ItemRow {
  id: string;
  kind: ContentKind;
  name: string;
  status: ContentStatus;
  priority: number;
  triggers: Trigger[];
  audience: Audience;
  frequency: Frequency;
  schedule: Schedule | null;
  publishedVersionId: string | null;
}

/** An immutable version's payload. */
export interface VersionRow {
  id: string;
  contentId: string;
  version: number;
  definition: ContentDefinition;
  themeId: string | null;
}

export interface ThemeRow {
  theme: ThemeTokens;
  /** Changes when the theme is edited; part of the SDK's cache validator. */
  stamp: string;
}

const ITEM_COLUMNS = `c.id, c.kind, c.name, c.status, c.priority, c.triggers, c.audience,
  c.frequency, c.schedule, c.published_version_id AS "publishedVersionId"`;

/**
 * Reads the published configuration the SDK serves (items, versions, themes, feature tags). The SDK module
 * caches the result per workspace and drops it when ConfigChanges says so.
 */
@Injectable()
export class ContentConfigService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Items in delivery order: priority first, then age. `publishedOnly` for the SDK. */
  items(workspaceId: string, publishedOnly: boolean): Promise<ItemRow[]> {
    return this.db.query<ItemRow[]>(
      `SELECT ${ITEM_COLUMNS} FROM content c
        WHERE c.workspace_id = $1 ${publishedOnly ? `AND c.status = 'published'` : ''}
        ORDER BY c.priority DESC, c.created_at ASC, c.id ASC`,
      [workspaceId],
    );
  }

  versions(workspaceId: string, ids: string[]): Promise<VersionRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.query<VersionRow[]>(
      `SELECT id, content_id AS "contentId", version, definition, theme_id AS "themeId"
         FROM content_versions
        WHERE workspace_id = $1 AND id = ANY($2::uuid[]) AND published_at IS NOT NULL`,
      [workspaceId, ids],
    );
  }

  async themes(workspaceId: string): Promise<Map<string, ThemeRow>> {
    const rows = await this.db.query<Array<{ id: string; theme: ThemeTokens; stamp: string }>>(
      `SELECT id, theme, extract(epoch FROM updated_at)::text AS stamp FROM themes WHERE workspace_id = $1`,
      [workspaceId],
    );
    return new Map(rows.map((r) => [r.id, { theme: r.theme, stamp: r.stamp }]));
  }

  /** Feature tags as the SDK delivers them, by name. */
  async featureTags(workspaceId: string): Promise<FeatureTag[]> {
    const rows = await this.db.query<
      Array<{
        id: string;
        name: string;
        kind: 'click' | 'page';
        target: unknown;
        url: string | null;
      }>
    >(
      `SELECT id, name, kind, target, url FROM feature_tags WHERE workspace_id = $1 ORDER BY name, id`,
      [workspaceId],
    );
    return rows.map((r): FeatureTag =>
      r.kind === 'click'
        ? {
            id: r.id,
            name: r.name,
            kind: 'click',
            target: r.target as Extract<FeatureTag, { kind: 'click' }>['target'],
            ...(r.url ? { url: r.url } : {}),
          }
        : { id: r.id, name: r.name, kind: 'page', url: r.url ?? '' },
    );
  }
}

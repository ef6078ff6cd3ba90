import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PreviewContent, PreviewTokenCreated, Theme } from '@waymark/shared';
import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import { ContentService } from '../content/content.service';
import type { WorkspaceMember } from '../workspaces/require-role.decorator';

/** How long a preview link works. */
export const PREVIEW_TTL_MS = 60 * 60 * 1000;

const hashOf = (token: string): Buffer => createHash('sha256').update(token).digest();
const unknownToken = (): AppError =>
  new AppError('not_found', 'This preview link is unknown or has expired.');

/**
 * One-time preview links: a random 256-bit token whose SHA-256 is stored with the workspace,
 * item, author and expiry; the widget trades it (with the workspace's SDK key) for the item's
 * draft, else its latest version.
 */
@Injectable()
export class PreviewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly content: ContentService,
  ) {}

  async create(
    workspaceId: string,
    member: WorkspaceMember,
    contentId: string,
  ): Promise<PreviewTokenCreated> {
    await this.content.get(workspaceId, contentId); // 404 for another workspace's item
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + PREVIEW_TTL_MS);
    await this.db.transaction(async (tx) => {
      await tx.query(`DELETE FROM preview_tokens WHERE workspace_id = $1 AND expires_at < now()`, [
        workspaceId,
      ]);
      await tx.query(
        `INSERT INTO preview_tokens (workspace_id, token_hash, content_id, created_by, expires_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [workspaceId, hashOf(token), contentId, member.accountId, expiresAt],
      );
    });
    return { token, expiresAt: expiresAt.toISOString() };
  }

  /** The draft (else latest version) a live token of this workspace opens; 404 otherwise. */
  async read(workspaceId: string, token: string): Promise<PreviewContent> {
    const rows = (await this.db.query(
      `SELECT content_id FROM preview_tokens
       WHERE workspace_id = $1 AND token_hash = $2 AND expires_at > now()`,
      [workspaceId, hashOf(token)],
    )) as { content_id: string }[];
    const contentId = rows[0]?.content_id;
    if (!contentId) throw unknownToken();
    const detail = await this.content.get(workspaceId, contentId);
    const versionId =
      detail.publishedVersionId ?? (await this.content.versionList(workspaceId, contentId))[0]?.id;
    const version =
      detail.draft ??
      (versionId ? await this.content.version(workspaceId, contentId, versionId) : null);
    if (!version) throw unknownToken();
    const shared = version.themeId ? await this.themeOf(workspaceId, version.themeId) : undefined;
    const theme = { ...shared, ...version.definition.theme };
    return {
      contentId,
      definition: version.definition,
      ...(Object.keys(theme).length > 0 ? { theme } : {}),
    };
  }

  /** A shared theme's tokens (read-only; the content module owns themes). */
  private async themeOf(workspaceId: string, themeId: string): Promise<Theme | undefined> {
    const rows = (await this.db.query(
      `SELECT theme FROM themes WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, themeId],
    )) as { theme: Theme }[];
    return rows[0]?.theme;
  }
}

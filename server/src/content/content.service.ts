import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  DeliverySettingsSchema,
  type ContentCreate,
  type ContentDetail,
  type ContentSummary,
  type ContentUpdate,
  type ContentVersionDetail,
  type ContentVersionSummary,
} from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import { IsNull, Repository, type EntityManager } from 'typeorm';
import { accountActor, AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import type { WorkspaceMember } from '../workspaces/require-role.decorator';
import { ConfigChanges } from './config-changes';
import { ContentVersion } from './content-version.entity';
import { Content } from './content.entity';
import { auditSummary, toDetail, toSummary, toVersion, toVersionSummary } from './content.mapper';
import { definedOnly } from './defined-only';
import { Theme } from './theme.entity';

export const actorOf = (member: WorkspaceMember) =>
  accountActor({ id: member.accountId, email: member.email });

const notFound = (): AppError => new AppError('not_found', 'No such content item.');

/** Content items and their versions: create, read, edit the draft, delete what never shipped. */
@Injectable()
export class ContentService {
  constructor(
    @InjectRepository(Content) private readonly content: Repository<Content>,
    @InjectRepository(ContentVersion) private readonly versions: Repository<ContentVersion>,
    private readonly changes: ConfigChanges,
    private readonly audit: AuditService,
  ) {}

  async list(workspaceId: string): Promise<ContentSummary[]> {
    const [items, rows] = await Promise.all([
      this.content.find({ where: { workspaceId }, order: { updatedAt: 'DESC' } }),
      this.content.query<Array<{ id: string; version: number | null; has_draft: boolean }>>(
        `SELECT c.id, v.version,
                EXISTS (SELECT 1 FROM content_versions d WHERE d.workspace_id = c.workspace_id
                          AND d.content_id = c.id AND d.published_at IS NULL) AS has_draft
           FROM content c
           LEFT JOIN content_versions v ON v.workspace_id = c.workspace_id AND v.id = c.published_version_id
          WHERE c.workspace_id = $1`,
        [workspaceId],
      ),
    ]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return items.map((c) =>
      toSummary(c, byId.get(c.id)?.version ?? null, byId.get(c.id)?.has_draft ?? false),
    );
  }

  async get(workspaceId: string, contentId: string, tx?: EntityManager): Promise<ContentDetail> {
    const manager = tx ?? this.content.manager;
    const item = await this.item(manager, workspaceId, contentId);
    const [published, draft] = await Promise.all([
      item.publishedVersionId
        ? manager.findOneBy(ContentVersion, { workspaceId, id: item.publishedVersionId })
        : null,
      manager.findOneBy(ContentVersion, { workspaceId, contentId, publishedAt: IsNull() }),
    ]);
    return toDetail(item, published, draft);
  }

  async create(
    workspaceId: string,
    member: WorkspaceMember,
    body: ContentCreate,
  ): Promise<ContentDetail> {
    const delivery = body.delivery ?? DeliverySettingsSchema.parse({});
    return this.changes.change(workspaceId, async (tx) => {
      if (body.themeId) await assertTheme(tx, workspaceId, body.themeId);
      const item = tx.create(Content, {
        workspaceId,
        id: randomUUID(),
        kind: body.definition.kind,
        name: body.name,
        status: 'draft',
        publishedVersionId: null,
        ...delivery,
      });
      await tx.insert(Content, item);
      await tx.insert(ContentVersion, {
        workspaceId,
        id: randomUUID(),
        contentId: item.id,
        version: 1,
        definition: body.definition,
        themeId: body.themeId,
        publishedAt: null,
      });
      await this.record(tx, member, 'content.created', item);
      return this.get(workspaceId, item.id, tx);
    });
  }

  async update(
    workspaceId: string,
    member: WorkspaceMember,
    contentId: string,
    body: ContentUpdate,
  ): Promise<ContentDetail> {
    return this.changes.change(workspaceId, async (tx) => {
      const item = await this.item(tx, workspaceId, contentId, true);
      if (item.status === 'archived') {
        throw new AppError('conflict', 'Archived content cannot be edited; restore it first.');
      }
      if (body.definition && body.definition.kind !== item.kind) {
        throw new AppError('validation_failed', undefined, [
          { path: 'definition.kind', message: `This item is a ${item.kind}.` },
        ]);
      }
      if (body.themeId) await assertTheme(tx, workspaceId, body.themeId);
      if (body.definition !== undefined || body.themeId !== undefined) {
        const draft = await draftOf(tx, item);
        if (body.definition !== undefined) draft.definition = body.definition;
        if (body.themeId !== undefined) draft.themeId = body.themeId;
        await tx.update(
          ContentVersion,
          { workspaceId, id: draft.id },
          { definition: draft.definition, themeId: draft.themeId },
        );
      }
      const changes = definedOnly({ name: body.name, ...body.delivery });
      await tx.update(
        Content,
        { workspaceId, id: contentId },
        { ...changes, updatedAt: new Date() },
      );
      await this.record(tx, member, 'content.updated', item, Object.keys(body));
      return this.get(workspaceId, contentId, tx);
    });
  }

  /** Only content that was never published: published versions are what results point at. */
  async remove(workspaceId: string, member: WorkspaceMember, contentId: string): Promise<void> {
    await this.changes.change(workspaceId, async (tx) => {
      const item = await this.item(tx, workspaceId, contentId, true);
      const published = await tx.query<unknown[]>(
        `SELECT 1 FROM content_versions
          WHERE workspace_id = $1 AND content_id = $2 AND published_at IS NOT NULL LIMIT 1`,
        [workspaceId, contentId],
      );
      if (published.length > 0) {
        throw new AppError('conflict', 'Published content cannot be deleted; archive it instead.');
      }
      await tx.delete(Content, { workspaceId, id: contentId });
      await this.record(tx, member, 'content.deleted', item);
    });
  }

  async versionList(workspaceId: string, contentId: string): Promise<ContentVersionSummary[]> {
    const item = await this.item(this.content.manager, workspaceId, contentId);
    const rows = await this.versions.find({
      where: { workspaceId, contentId },
      order: { version: 'DESC' },
    });
    return rows.map((v) => toVersionSummary(v, item.publishedVersionId));
  }

  async version(
    workspaceId: string,
    contentId: string,
    versionId: string,
  ): Promise<ContentVersionDetail> {
    const item = await this.item(this.content.manager, workspaceId, contentId);
    const v = await this.versions.findOneBy({ workspaceId, contentId, id: versionId });
    if (!v) throw new AppError('not_found', 'No such version.');
    return toVersion(v, item.publishedVersionId);
  }

  /** Published version ids of an item (what an experiment may use as variants). */
  async publishedVersionIds(workspaceId: string, contentId: string): Promise<Set<string>> {
    await this.item(this.content.manager, workspaceId, contentId);
    const rows = await this.versions.find({
      select: { id: true, publishedAt: true },
      where: { workspaceId, contentId },
    });
    return new Set(rows.filter((v) => v.publishedAt).map((v) => v.id));
  }

  /** Makes a published version the one users get (shipping an experiment's winner). */
  async setPublishedVersion(
    tx: EntityManager,
    workspaceId: string,
    contentId: string,
    versionId: string,
  ): Promise<void> {
    const item = await this.item(tx, workspaceId, contentId, true);
    if (item.status === 'archived') throw new AppError('conflict', 'The content item is archived.');
    await tx.update(
      Content,
      { workspaceId, id: contentId },
      { status: 'published', publishedVersionId: versionId, updatedAt: new Date() },
    );
  }

  /** The item, or 404 (also for other workspaces' ids); `lock` takes a row lock for a change. */
  async item(
    manager: EntityManager,
    workspaceId: string,
    contentId: string,
    lock = false,
  ): Promise<Content> {
    const item = await manager.findOne(Content, {
      where: { workspaceId, id: contentId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!item) throw notFound();
    return item;
  }

  async record(
    tx: EntityManager,
    member: WorkspaceMember,
    action: string,
    item: Content,
    fields?: string[],
  ): Promise<void> {
    await this.audit.record(
      {
        workspaceId: item.workspaceId,
        actor: actorOf(member),
        action,
        target: { type: 'content', id: item.id },
        after: auditSummary(item, fields ? { fields } : {}),
      },
      tx,
    );
  }
}

/** The item's draft; made from the published (else latest) version when there is none. */
export async function draftOf(tx: EntityManager, item: Content): Promise<ContentVersion> {
  const { workspaceId, id: contentId } = item;
  const draft = await tx.findOneBy(ContentVersion, {
    workspaceId,
    contentId,
    publishedAt: IsNull(),
  });
  if (draft) return draft;
  const base =
    (item.publishedVersionId &&
      (await tx.findOneBy(ContentVersion, { workspaceId, id: item.publishedVersionId }))) ||
    (await tx.findOne(ContentVersion, {
      where: { workspaceId, contentId },
      order: { version: 'DESC' },
    }));
  if (!base) throw new AppError('internal');
  const [{ next }] = (await tx.query(
    `SELECT coalesce(max(version), 0) + 1 AS next FROM content_versions WHERE workspace_id = $1 AND content_id = $2`,
    [workspaceId, contentId],
  )) as [{ next: number }];
  const created = tx.create(ContentVersion, {
    workspaceId,
    id: randomUUID(),
    contentId,
    version: next,
    definition: base.definition,
    themeId: base.themeId,
    publishedAt: null,
  });
  await tx.insert(ContentVersion, created);
  return created;
}

export async function assertTheme(
  tx: EntityManager,
  workspaceId: string,
  themeId: string,
): Promise<void> {
  if (!(await tx.existsBy(Theme, { workspaceId, id: themeId }))) {
    throw new AppError('validation_failed', 'No such theme in this workspace.', [
      { path: 'themeId', message: 'No such theme.' },
    ]);
  }
}

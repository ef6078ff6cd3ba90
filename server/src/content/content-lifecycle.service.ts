import { Injectable } from '@nestjs/common';
import type { ContentDetail } from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import { IsNull, Not, type EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import type { WorkspaceMember } from '../workspaces/require-role.decorator';
import { ConfigChanges } from './config-changes';
import { ContentVersion } from './content-version.entity';
import { Content } from './content.entity';
import { ContentService } from './content.service';

/**
 * Publish, unpublish, archive, restore, duplicate and roll back. Each runs in one transaction
 * that notifies every instance's configuration cache when it commits.
 */
@Injectable()
export class ContentLifecycleService {
  constructor(
    private readonly content: ContentService,
    private readonly changes: ConfigChanges,
  ) {}

  /** The draft becomes an immutable published version and what users get. */
  publish(workspaceId: string, member: WorkspaceMember, contentId: string): Promise<ContentDetail> {
    return this.transition(
      workspaceId,
      member,
      contentId,
      'content.published',
      async (tx, item) => {
        if (item.status === 'archived')
          throw new AppError('conflict', 'Restore archived content first.');
        const draft = await tx.findOneBy(ContentVersion, {
          workspaceId,
          contentId,
          publishedAt: IsNull(),
        });
        if (!draft) throw new AppError('conflict', 'There are no unpublished changes to publish.');
        await tx.update(ContentVersion, { workspaceId, id: draft.id }, { publishedAt: new Date() });
        return { status: 'published', publishedVersionId: draft.id };
      },
    );
  }

  /** Users stop getting it; versions and the draft stay. */
  unpublish(
    workspaceId: string,
    member: WorkspaceMember,
    contentId: string,
  ): Promise<ContentDetail> {
    return this.transition(
      workspaceId,
      member,
      contentId,
      'content.unpublished',
      async (_tx, item) => {
        if (item.status !== 'published') throw new AppError('conflict', 'It is not published.');
        return { status: 'draft', publishedVersionId: null };
      },
    );
  }

  archive(workspaceId: string, member: WorkspaceMember, contentId: string): Promise<ContentDetail> {
    return this.transition(
      workspaceId,
      member,
      contentId,
      'content.archived',
      async (_tx, item) => {
        if (item.status === 'archived') throw new AppError('conflict', 'It is archived already.');
        return { status: 'archived', publishedVersionId: null };
      },
    );
  }

  restore(workspaceId: string, member: WorkspaceMember, contentId: string): Promise<ContentDetail> {
    return this.transition(
      workspaceId,
      member,
      contentId,
      'content.restored',
      async (_tx, item) => {
        if (item.status !== 'archived') throw new AppError('conflict', 'It is not archived.');
        return { status: 'draft', publishedVersionId: null };
      },
    );
  }

  /** Serves an earlier published version again (immutable, so exactly what users saw then). */
  rollback(
    workspaceId: string,
    member: WorkspaceMember,
    contentId: string,
    versionId: string,
  ): Promise<ContentDetail> {
    return this.transition(
      workspaceId,
      member,
      contentId,
      'content.rolled_back',
      async (tx, item) => {
        if (item.status === 'archived')
          throw new AppError('conflict', 'Restore archived content first.');
        const version = await tx.findOneBy(ContentVersion, {
          workspaceId,
          contentId,
          id: versionId,
        });
        if (!version) throw new AppError('not_found', 'No such version.');
        if (!version.publishedAt) {
          throw new AppError(
            'conflict',
            'Only published versions can be rolled back to; publish the draft.',
          );
        }
        return { status: 'published', publishedVersionId: version.id };
      },
    );
  }

  /** A new draft item with the same definition (the draft's, else the latest) and delivery. */
  duplicate(
    workspaceId: string,
    member: WorkspaceMember,
    contentId: string,
  ): Promise<ContentDetail> {
    return this.changes.change(workspaceId, async (tx) => {
      const source = await this.content.item(tx, workspaceId, contentId);
      const base =
        (await tx.findOneBy(ContentVersion, { workspaceId, contentId, publishedAt: IsNull() })) ??
        (await tx.findOne(ContentVersion, {
          where: { workspaceId, contentId, publishedAt: Not(IsNull()) },
          order: { version: 'DESC' },
        }));
      if (!base) throw new AppError('internal');
      const copy = tx.create(Content, {
        ...source,
        id: randomUUID(),
        name: `${source.name} (copy)`.slice(0, 200),
        status: 'draft',
        publishedVersionId: null,
        createdAt: new Date(),
        updatedAt: new Date(),
      });
      await tx.insert(Content, copy);
      await tx.insert(ContentVersion, {
        workspaceId,
        id: randomUUID(),
        contentId: copy.id,
        version: 1,
        definition: base.definition,
        themeId: base.themeId,
        publishedAt: null,
      });
      await this.content.record(tx, member, 'content.duplicated', copy, [`from:${source.id}`]);
      return this.content.get(workspaceId, copy.id, tx);
    });
  }

  /** Locks the item, applies the change the step returns, records it, answers the new state. */
  private transition(
    workspaceId: string,
    member: WorkspaceMember,
    contentId: string,
    action: string,
    step: (
      tx: EntityManager,
      item: Content,
    ) => Promise<Pick<Content, 'status' | 'publishedVersionId'>>,
  ): Promise<ContentDetail> {
    return this.changes.change(workspaceId, async (tx) => {
      const item = await this.content.item(tx, workspaceId, contentId, true);
      const change = await step(tx, item);
      await tx.update(
        Content,
        { workspaceId, id: contentId },
        { ...change, updatedAt: new Date() },
      );
      await this.content.record(tx, member, action, { ...item, ...change });
      return this.content.get(workspaceId, contentId, tx);
    });
  }
}

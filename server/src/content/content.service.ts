import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ContentSummary, EligibleContent } from '@waymark/shared';
import { Repository } from 'typeorm';
import { ContentVersion } from './content-version.entity';
import { Content } from './content.entity';

@Injectable()
export class ContentService {
  constructor(
    @InjectRepository(Content) private readonly content: Repository<Content>,
    @InjectRepository(ContentVersion) private readonly versions: Repository<ContentVersion>,
  ) {}

  async list(workspaceId: string): Promise<ContentSummary[]> {
    const rows = await this.content
      .createQueryBuilder('c')
      .leftJoin(
        ContentVersion,
        'v',
        'v.workspace_id = c.workspace_id AND v.id = c.published_version_id',
      )
      .select([
        'c.id AS id',
        'c.kind AS kind',
        'c.name AS name',
        'c.status AS status',
        'v.version AS "publishedVersion"',
        'c.updated_at AS "updatedAt"',
      ])
      .where('c.workspace_id = :workspaceId', { workspaceId })
      .orderBy('c.updated_at', 'DESC')
      .getRawMany<Omit<ContentSummary, 'updatedAt'> & { updatedAt: Date }>();
    return rows.map((row) => ({ ...row, updatedAt: row.updatedAt.toISOString() }));
  }

  /** Every published item with the exact version a user would see, highest priority first. */
  async published(workspaceId: string): Promise<Omit<EligibleContent, 'progress'>[]> {
    const rows = await this.content
      .createQueryBuilder('c')
      .innerJoin(
        ContentVersion,
        'v',
        'v.workspace_id = c.workspace_id AND v.id = c.published_version_id',
      )
      .select([
        'c.id AS id',
        'v.id AS "versionId"',
        'c.kind AS kind',
        'c.name AS name',
        'c.priority AS priority',
        'v.definition AS definition',
        'c.triggers AS triggers',
      ])
      .where('c.workspace_id = :workspaceId AND c.status = :status', {
        workspaceId,
        status: 'published',
      })
      .orderBy('c.priority', 'DESC')
      .addOrderBy('c.created_at', 'ASC')
      .getRawMany<Omit<EligibleContent, 'progress'>>();
    return rows;
  }
}

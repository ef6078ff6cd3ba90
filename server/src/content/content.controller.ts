import { Controller, Get, Param } from '@nestjs/common';
import {
  contract,
  type ContentParams,
  type ContentVersionDetail,
  type ContentVersionParams,
} from '@waymark/shared';
import type { z } from 'zod';
import { WorkspaceCrudController } from '../common/workspace-crud.controller';
import { ZodPipe } from '../common/zod.pipe';
import { RequireRole } from '../workspaces/require-role.decorator';
import { ContentService } from './content.service';

type Output<K extends keyof typeof contract> = z.output<(typeof contract)[K]['response']>;

/** Content items and their versions. Viewers read; editors and owners change. */
@Controller('api/workspaces/:workspaceId/content')
export class ContentController extends WorkspaceCrudController({
  list: contract.contentList,
  create: contract.contentCreate,
  get: contract.contentGet,
  update: contract.contentUpdate,
  delete: contract.contentDelete,
}) {
  constructor(private readonly content: ContentService) {
    super(content);
  }

  @Get(':contentId/versions')
  @RequireRole('viewer')
  async versions(
    @Param(new ZodPipe(contract.contentVersions.params)) params: ContentParams,
  ): Promise<Output<'contentVersions'>> {
    return { data: await this.content.versionList(params.workspaceId, params.contentId) };
  }

  @Get(':contentId/versions/:versionId')
  @RequireRole('viewer')
  version(
    @Param(new ZodPipe(contract.contentVersion.params)) params: ContentVersionParams,
  ): Promise<ContentVersionDetail> {
    return this.content.version(params.workspaceId, params.contentId, params.versionId);
  }
}

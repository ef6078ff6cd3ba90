import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  contract,
  type ContentCreate,
  type ContentDetail,
  type ContentParams,
  type ContentUpdate,
  type ContentVersionDetail,
  type ContentVersionParams,
  type WorkspaceParams,
} from '@waymark/shared';
import type { z } from 'zod';
import { ZodPipe } from '../common/zod.pipe';
import {
  CurrentMember,
  RequireRole,
  type WorkspaceMember,
} from '../workspaces/require-role.decorator';
import { ContentService } from './content.service';

type Output<K extends keyof typeof contract> = z.output<(typeof contract)[K]['response']>;

/** Content items and their versions. Viewers read; editors and owners change. */
@Controller('api/workspaces/:workspaceId/content')
export class ContentController {
  constructor(private readonly content: ContentService) {}

  @Get()
  @RequireRole('viewer')
  async list(
    @Param(new ZodPipe(contract.contentList.params)) params: WorkspaceParams,
  ): Promise<Output<'contentList'>> {
    return { data: await this.content.list(params.workspaceId) };
  }

  @Post()
  @RequireRole('editor')
  create(
    @Param(new ZodPipe(contract.contentCreate.params)) params: WorkspaceParams,
    @Body(new ZodPipe(contract.contentCreate.body)) body: ContentCreate,
    @CurrentMember() member: WorkspaceMember,
  ): Promise<ContentDetail> {
    return this.content.create(params.workspaceId, member, body);
  }

  @Get(':contentId')
  @RequireRole('viewer')
  get(
    @Param(new ZodPipe(contract.contentGet.params)) params: ContentParams,
  ): Promise<ContentDetail> {
    return this.content.get(params.workspaceId, params.contentId);
  }

  @Patch(':contentId')
  @RequireRole('editor')
  update(
    @Param(new ZodPipe(contract.contentUpdate.params)) params: ContentParams,
    @Body(new ZodPipe(contract.contentUpdate.body)) body: ContentUpdate,
    @CurrentMember() member: WorkspaceMember,
  ): Promise<ContentDetail> {
    return this.content.update(params.workspaceId, member, params.contentId, body);
  }

  @Delete(':contentId')
  @HttpCode(200)
  @RequireRole('editor')
  async remove(
    @Param(new ZodPipe(contract.contentDelete.params)) params: ContentParams,
    @CurrentMember() member: WorkspaceMember,
  ): Promise<{ ok: true }> {
    await this.content.remove(params.workspaceId, member, params.contentId);
    return { ok: true };
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

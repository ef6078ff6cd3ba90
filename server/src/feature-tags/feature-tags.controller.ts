import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  contract,
  type FeatureTagInput,
  type FeatureTagList,
  type FeatureTagParams,
  type FeatureTagRecord,
  type WorkspaceParams,
} from '@waymark/shared';
import { ZodPipe } from '../common/zod.pipe';
import {
  CurrentMember,
  RequireRole,
  type WorkspaceMember,
} from '../workspaces/require-role.decorator';
import { FeatureTagsService } from './feature-tags.service';

/** Feature tags of a workspace. Viewers read; editors and owners change. */
@Controller('api/workspaces/:workspaceId/feature-tags')
export class FeatureTagsController {
  constructor(private readonly tags: FeatureTagsService) {}

  @Get()
  @RequireRole('viewer')
  async list(
    @Param(new ZodPipe(contract.featureTagList.params)) p: WorkspaceParams,
  ): Promise<FeatureTagList> {
    return { data: await this.tags.list(p.workspaceId) };
  }

  @Post()
  @RequireRole('editor')
  create(
    @Param(new ZodPipe(contract.featureTagCreate.params)) p: WorkspaceParams,
    @Body(new ZodPipe(contract.featureTagCreate.body)) body: FeatureTagInput,
    @CurrentMember() member: WorkspaceMember,
  ): Promise<FeatureTagRecord> {
    return this.tags.create(p.workspaceId, member, body);
  }

  @Get(':featureTagId')
  @RequireRole('viewer')
  get(
    @Param(new ZodPipe(contract.featureTagGet.params)) p: FeatureTagParams,
  ): Promise<FeatureTagRecord> {
    return this.tags.get(p.workspaceId, p.featureTagId);
  }

  @Put(':featureTagId')
  @RequireRole('editor')
  update(
    @Param(new ZodPipe(contract.featureTagUpdate.params)) p: FeatureTagParams,
    @Body(new ZodPipe(contract.featureTagUpdate.body)) body: FeatureTagInput,
    @CurrentMember() member: WorkspaceMember,
  ): Promise<FeatureTagRecord> {
    return this.tags.update(p.workspaceId, member, p.featureTagId, body);
  }

  @Delete(':featureTagId')
  @HttpCode(200)
  @RequireRole('editor')
  async remove(
    @Param(new ZodPipe(contract.featureTagDelete.params)) p: FeatureTagParams,
    @CurrentMember() member: WorkspaceMember,
  ): Promise<{ ok: true }> {
    await this.tags.remove(p.workspaceId, member, p.featureTagId);
    return { ok: true };
  }
}

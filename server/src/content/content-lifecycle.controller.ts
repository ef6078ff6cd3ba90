import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  contract,
  type ContentDetail,
  type ContentParams,
  type ContentVersionParams,
} from '@waymark/shared';
import { ZodPipe } from '../common/zod.pipe';
import {
  CurrentMember,
  RequireRole,
  type WorkspaceMember,
} from '../workspaces/require-role.decorator';
import { ContentLifecycleService } from './content-lifecycle.service';

/** Publishing and the rest of an item's life. Editors and owners only. */
@Controller('api/workspaces/:workspaceId/content/:contentId')
@RequireRole('editor')
export class ContentLifecycleController {
  constructor(private readonly lifecycle: ContentLifecycleService) {}

  @Post('publish')
  @HttpCode(200)
  publish(
    @Param(new ZodPipe(contract.contentPublish.params)) p: ContentParams,
    @CurrentMember() member: WorkspaceMember,
  ): Promise<ContentDetail> {
    return this.lifecycle.publish(p.workspaceId, member, p.contentId);
  }

  @Post('unpublish')
  @HttpCode(200)
  unpublish(
    @Param(new ZodPipe(contract.contentUnpublish.params)) p: ContentParams,
    @CurrentMember() member: WorkspaceMember,
  ): Promise<ContentDetail> {
    return this.lifecycle.unpublish(p.workspaceId, member, p.contentId);
  }

  @Post('archive')
  @HttpCode(200)
  archive(
    @Param(new ZodPipe(contract.contentArchive.params)) p: ContentParams,
    @CurrentMember() member: WorkspaceMember,
  ): Promise<ContentDetail> {
    return this.lifecycle.archive(p.workspaceId, member, p.contentId);
  }

  @Post('restore')
  @HttpCode(200)
  restore(
    @Param(new ZodPipe(contract.contentRestore.params)) p: ContentParams,
    @CurrentMember() member: WorkspaceMember,
  ): Promise<ContentDetail> {
    return this.lifecycle.restore(p.workspaceId, member, p.contentId);
  }

  @Post('duplicate')
  @HttpCode(201)
  duplicate(
    @Param(new ZodPipe(contract.contentDuplicate.params)) p: ContentParams,
    @CurrentMember() member: WorkspaceMember,
  ): Promise<ContentDetail> {
    return this.lifecycle.duplicate(p.workspaceId, member, p.contentId);
  }

  @Post('versions/:versionId/rollback')
  @HttpCode(200)
  rollback(
    @Param(new ZodPipe(contract.contentRollback.params)) p: ContentVersionParams,
    @CurrentMember() member: WorkspaceMember,
  ): Promise<ContentDetail> {
    return this.lifecycle.rollback(p.workspaceId, member, p.contentId, p.versionId);
  }
}

import { Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import {
  contract,
  type ContentParams,
  type PreviewContent,
  type PreviewQuery,
  type PreviewTokenCreated,
} from '@waymark/shared';
import { ZodPipe } from '../common/zod.pipe';
import type { Environment } from '../workspaces/environment.entity';
import { KeyEnvironment, SdkKeyGuard } from '../workspaces/key.guards';
import {
  CurrentMember,
  RequireRole,
  type WorkspaceMember,
} from '../workspaces/require-role.decorator';
import { PreviewService } from './preview.service';

/** Editors ask for a preview link of an item. */
@Controller('api/workspaces/:workspaceId/content/:contentId/preview')
@RequireRole('editor')
export class PreviewTokenController {
  constructor(private readonly previews: PreviewService) {}

  @Post()
  @HttpCode(201)
  create(
    @Param(new ZodPipe(contract.contentPreviewCreate.params)) p: ContentParams,
    @CurrentMember() member: WorkspaceMember,
  ): Promise<PreviewTokenCreated> {
    return this.previews.create(p.workspaceId, member, p.contentId);
  }
}

/** The widget in builder mode reads the draft a link opens (CORS open, see common/response-headers.ts). */
@Controller('sdk/v1/preview')
@UseGuards(SdkKeyGuard)
export class SdkPreviewController {
  constructor(private readonly previews: PreviewService) {}

  @Get()
  read(
    @Query(new ZodPipe(contract.sdkPreview.query)) q: PreviewQuery,
    @KeyEnvironment() environment: Environment,
  ): Promise<PreviewContent> {
    return this.previews.read(environment.workspaceId, q.token);
  }
}

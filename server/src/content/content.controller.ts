import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { contract } from '@waymark/shared';
import type { z } from 'zod';
import type { SignedIn } from '../auth/auth.service';
import { CurrentSession, SessionGuard } from '../auth/session.guard';
import { ZodPipe } from '../common/zod.pipe';
import { WorkspacesService } from '../workspaces/workspaces.service';
import { ContentService } from './content.service';

type Params = z.output<typeof contract.contentList.params>;

@Controller('api/workspaces/:workspaceId/content')
@UseGuards(SessionGuard)
export class ContentController {
  constructor(
    private readonly content: ContentService,
    private readonly workspaces: WorkspacesService,
  ) {}

  @Get()
  async list(
    @Param(new ZodPipe(contract.contentList.params)) params: Params,
    @CurrentSession() { account }: SignedIn,
  ): Promise<z.output<typeof contract.contentList.response>> {
    await this.workspaces.roleOf(account.id, params.workspaceId);
    return { data: await this.content.list(params.workspaceId) };
  }
}

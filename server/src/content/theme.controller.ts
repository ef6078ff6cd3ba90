import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  contract,
  type ThemeCreate,
  type ThemeParams,
  type ThemeRecord,
  type ThemeUpdate,
  type WorkspaceParams,
} from '@waymark/shared';
import { ZodPipe } from '../common/zod.pipe';
import {
  CurrentMember,
  RequireRole,
  type WorkspaceMember,
} from '../workspaces/require-role.decorator';
import { ThemeService } from './theme.service';

/** Themes shared across content. Viewers read; editors and owners change. */
@Controller('api/workspaces/:workspaceId/themes')
export class ThemeController {
  constructor(private readonly themes: ThemeService) {}

  @Get()
  @RequireRole('viewer')
  async list(
    @Param(new ZodPipe(contract.themeList.params)) p: WorkspaceParams,
  ): Promise<{ data: ThemeRecord[] }> {
    return { data: await this.themes.list(p.workspaceId) };
  }

  @Post()
  @RequireRole('editor')
  create(
    @Param(new ZodPipe(contract.themeCreate.params)) p: WorkspaceParams,
    @Body(new ZodPipe(contract.themeCreate.body)) body: ThemeCreate,
    @CurrentMember() member: WorkspaceMember,
  ): Promise<ThemeRecord> {
    return this.themes.create(p.workspaceId, member, body);
  }

  @Get(':themeId')
  @RequireRole('viewer')
  get(@Param(new ZodPipe(contract.themeGet.params)) p: ThemeParams): Promise<ThemeRecord> {
    return this.themes.get(p.workspaceId, p.themeId);
  }

  @Patch(':themeId')
  @RequireRole('editor')
  update(
    @Param(new ZodPipe(contract.themeUpdate.params)) p: ThemeParams,
    @Body(new ZodPipe(contract.themeUpdate.body)) body: ThemeUpdate,
    @CurrentMember() member: WorkspaceMember,
  ): Promise<ThemeRecord> {
    return this.themes.update(p.workspaceId, member, p.themeId, body);
  }

  @Delete(':themeId')
  @HttpCode(200)
  @RequireRole('editor')
  async remove(
    @Param(new ZodPipe(contract.themeDelete.params)) p: ThemeParams,
    @CurrentMember() member: WorkspaceMember,
  ): Promise<{ ok: true }> {
    await this.themes.remove(p.workspaceId, member, p.themeId);
    return { ok: true };
  }
}

import { Body, Controller, Get, HttpCode, Param, Patch, Post, UseGuards } from '@nestjs/common';
import {
  contract,
  type IdentitySecret,
  type Workspace,
  type WorkspaceCreate,
  type WorkspaceIdParams,
  type WorkspaceUpdate,
} from '@waymark/shared';
import type { SignedIn } from '../auth/auth.service';
import { CurrentSession, SessionGuard } from '../auth/session.guard';
import { ZodPipe } from '../common/zod.pipe';
import { CurrentMember, RequireRole, type WorkspaceMember } from './require-role.decorator';
import { WorkspacesService } from './workspaces.service';

const actorOf = (member: WorkspaceMember) => ({
  id: member.accountId,
  email: member.email,
  role: member.role,
});

@Controller('api/workspaces')
export class WorkspacesController {
  constructor(private readonly workspaces: WorkspacesService) {}

  @Post()
  @UseGuards(SessionGuard)
  create(
    @Body(new ZodPipe(contract.workspaceCreate.body)) body: WorkspaceCreate,
    @CurrentSession() { account }: SignedIn,
  ): Promise<Workspace> {
    return this.workspaces.create(body.name, account);
  }

  @Get(':workspaceId')
  @RequireRole('viewer')
  get(
    @Param(new ZodPipe(contract.workspaceGet.params)) params: WorkspaceIdParams,
    @CurrentMember() member: WorkspaceMember,
  ): Promise<Workspace> {
    return this.workspaces.get(params.workspaceId, member.role);
  }

  @Patch(':workspaceId')
  @RequireRole('owner')
  update(
    @Param(new ZodPipe(contract.workspaceUpdate.params)) params: WorkspaceIdParams,
    @Body(new ZodPipe(contract.workspaceUpdate.body)) body: WorkspaceUpdate,
    @CurrentMember() member: WorkspaceMember,
  ): Promise<Workspace> {
    return this.workspaces.update(params.workspaceId, body, actorOf(member));
  }

  @Get(':workspaceId/identity-secret')
  @RequireRole('owner')
  async identitySecret(
    @Param(new ZodPipe(contract.identitySecretGet.params)) params: WorkspaceIdParams,
  ): Promise<IdentitySecret> {
    return { secret: await this.workspaces.identitySecret(params.workspaceId) };
  }

  @Post(':workspaceId/identity-secret/rotate')
  @HttpCode(200)
  @RequireRole('owner')
  async rotateIdentitySecret(
    @Param(new ZodPipe(contract.identitySecretRotate.params)) params: WorkspaceIdParams,
    @CurrentMember() member: WorkspaceMember,
  ): Promise<IdentitySecret> {
    return {
      secret: await this.workspaces.rotateIdentitySecret(params.workspaceId, actorOf(member)),
    };
  }
}

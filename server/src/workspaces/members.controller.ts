import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  UseGuards,
} from '@nestjs/common';
import {
  contract,
  type InvitationAccept,
  type InvitationCreate,
  type InvitationCreated,
  type InvitationList,
  type InvitationParams,
  type Member,
  type MemberList,
  type MemberParams,
  type MemberUpdate,
  type OkResponse,
  type WorkspaceIdParams,
} from '@waymark/shared';
import type { SignedIn } from '../auth/auth.service';
import { CurrentSession, SessionGuard } from '../auth/session.guard';
import { ZodPipe } from '../common/zod.pipe';
import { InvitationsService } from './invitations.service';
import { MembersService } from './members.service';
import { CurrentMember, RequireRole, type WorkspaceMember } from './require-role.decorator';

/** Members and invitations of one workspace. */
@Controller('api/workspaces/:workspaceId')
export class MembersController {
  constructor(
    private readonly members: MembersService,
    private readonly invitations: InvitationsService,
  ) {}

  @Get('members')
  @RequireRole('viewer')
  async list(
    @Param(new ZodPipe(contract.memberList.params)) params: WorkspaceIdParams,
  ): Promise<MemberList> {
    return { data: await this.members.list(params.workspaceId) };
  }

  @Patch('members/:accountId')
  @RequireRole('owner')
  update(
    @Param(new ZodPipe(contract.memberUpdate.params)) params: MemberParams,
    @Body(new ZodPipe(contract.memberUpdate.body)) body: MemberUpdate,
    @CurrentMember() member: WorkspaceMember,
  ): Promise<Member> {
    return this.members.changeRole(params.workspaceId, params.accountId, body.role, member);
  }

  /** Any member may call it to leave; removing someone else needs owner (checked inside). */
  @Delete('members/:accountId')
  @RequireRole('viewer')
  async remove(
    @Param(new ZodPipe(contract.memberRemove.params)) params: MemberParams,
    @CurrentMember() member: WorkspaceMember,
  ): Promise<OkResponse> {
    await this.members.remove(params.workspaceId, params.accountId, member);
    return { ok: true };
  }

  @Get('invitations')
  @RequireRole('viewer')
  async invitationList(
    @Param(new ZodPipe(contract.invitationList.params)) params: WorkspaceIdParams,
  ): Promise<InvitationList> {
    return { data: await this.invitations.list(params.workspaceId) };
  }

  @Post('invitations')
  @RequireRole('owner')
  invite(
    @Param(new ZodPipe(contract.invitationCreate.params)) params: WorkspaceIdParams,
    @Body(new ZodPipe(contract.invitationCreate.body)) body: InvitationCreate,
    @CurrentMember() member: WorkspaceMember,
  ): Promise<InvitationCreated> {
    return this.invitations.create(params.workspaceId, body.email, body.role, member);
  }

  /** Not a member yet: only the session is checked here; the token decides. */
  @Post('invitations/accept')
  @HttpCode(200)
  @UseGuards(SessionGuard)
  accept(
    @Param(new ZodPipe(contract.invitationAccept.params)) params: WorkspaceIdParams,
    @Body(new ZodPipe(contract.invitationAccept.body)) body: InvitationAccept,
    @CurrentSession() { account }: SignedIn,
  ): Promise<Member> {
    return this.invitations.accept(params.workspaceId, body.token, account);
  }

  @Delete('invitations/:invitationId')
  @RequireRole('owner')
  async revoke(
    @Param(new ZodPipe(contract.invitationRevoke.params)) params: InvitationParams,
    @CurrentMember() member: WorkspaceMember,
  ): Promise<OkResponse> {
    await this.invitations.revoke(params.workspaceId, params.invitationId, member);
    return { ok: true };
  }
}

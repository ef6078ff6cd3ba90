import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  contract,
  type Environment,
  type EnvironmentCreate,
  type EnvironmentList,
  type EnvironmentParams,
  type EnvironmentWithSecret,
  type WorkspaceIdParams,
} from '@waymark/shared';
import { ZodPipe } from '../common/zod.pipe';
import { EnvironmentsService } from './environments.service';
import { CurrentMember, RequireRole, type WorkspaceMember } from './require-role.decorator';

const actorOf = (member: WorkspaceMember) => ({ id: member.accountId, email: member.email });

@Controller('api/workspaces/:workspaceId/environments')
export class EnvironmentsController {
  constructor(private readonly environments: EnvironmentsService) {}

  @Get()
  @RequireRole('viewer')
  async list(
    @Param(new ZodPipe(contract.environmentList.params)) params: WorkspaceIdParams,
  ): Promise<EnvironmentList> {
    return { data: await this.environments.list(params.workspaceId) };
  }

  @Post()
  @RequireRole('owner')
  create(
    @Param(new ZodPipe(contract.environmentCreate.params)) params: WorkspaceIdParams,
    @Body(new ZodPipe(contract.environmentCreate.body)) body: EnvironmentCreate,
    @CurrentMember() member: WorkspaceMember,
  ): Promise<EnvironmentWithSecret> {
    return this.environments.create(params.workspaceId, body.name, actorOf(member));
  }

  @Post(':environmentId/rotate-sdk-key')
  @HttpCode(200)
  @RequireRole('owner')
  rotateSdkKey(
    @Param(new ZodPipe(contract.environmentRotateSdkKey.params)) params: EnvironmentParams,
    @CurrentMember() member: WorkspaceMember,
  ): Promise<Environment> {
    return this.environments.rotateSdkKey(
      params.workspaceId,
      params.environmentId,
      actorOf(member),
    );
  }

  @Post(':environmentId/rotate-secret-key')
  @HttpCode(200)
  @RequireRole('owner')
  rotateSecretKey(
    @Param(new ZodPipe(contract.environmentRotateSecretKey.params)) params: EnvironmentParams,
    @CurrentMember() member: WorkspaceMember,
  ): Promise<EnvironmentWithSecret> {
    return this.environments.rotateSecretKey(
      params.workspaceId,
      params.environmentId,
      actorOf(member),
    );
  }
}

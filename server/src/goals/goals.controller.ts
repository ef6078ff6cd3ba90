import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  UseGuards,
} from '@nestjs/common';
import {
  contract,
  type Goal,
  type GoalInput,
  type GoalStats,
  type GoalStatsQuery,
  type SegmentRefreshResult,
} from '@waymark/shared';
import { ZodPipe } from '../common/zod.pipe';
import type { Environment } from '../workspaces/environment.entity';
import { KeyEnvironment, SecretKeyGuard } from '../workspaces/key.guards';
import { GoalsService } from './goals.service';

type Params = { id: string };

@Controller('api/v1/goals')
@UseGuards(SecretKeyGuard)
export class GoalsController {
  constructor(private readonly goals: GoalsService) {}

  @Get()
  async list(@KeyEnvironment() env: Environment): Promise<{ data: Goal[] }> {
    return { data: await this.goals.list(env.workspaceId) };
  }

  @Post()
  async create(
    @Body(new ZodPipe(contract.goalCreate.body)) body: GoalInput,
    @KeyEnvironment() env: Environment,
  ): Promise<Goal> {
    const goal = await this.goals.create(env.workspaceId, body);
    const stored = await this.goals.store.get(env.workspaceId, goal.id);
    await this.goals.refresh(env.workspaceId, stored);
    return this.goals.get(env.workspaceId, goal.id);
  }

  @Get(':id')
  get(
    @Param(new ZodPipe(contract.goalGet.params)) p: Params,
    @KeyEnvironment() env: Environment,
  ): Promise<Goal> {
    return this.goals.get(env.workspaceId, p.id);
  }

  @Put(':id')
  async update(
    @Param(new ZodPipe(contract.goalUpdate.params)) p: Params,
    @Body(new ZodPipe(contract.goalUpdate.body)) body: GoalInput,
    @KeyEnvironment() env: Environment,
  ): Promise<Goal> {
    await this.goals.update(env.workspaceId, p.id, body);
    await this.goals.refresh(env.workspaceId, await this.goals.store.get(env.workspaceId, p.id));
    return this.goals.get(env.workspaceId, p.id);
  }

  @Delete(':id')
  async remove(
    @Param(new ZodPipe(contract.goalDelete.params)) p: Params,
    @KeyEnvironment() env: Environment,
  ): Promise<{ deleted: true }> {
    await this.goals.remove(env.workspaceId, p.id);
    return { deleted: true };
  }

  @Post(':id/refresh')
  @HttpCode(200)
  async refresh(
    @Param(new ZodPipe(contract.goalRefresh.params)) p: Params,
    @KeyEnvironment() env: Environment,
  ): Promise<SegmentRefreshResult> {
    return this.goals.refresh(env.workspaceId, await this.goals.store.get(env.workspaceId, p.id));
  }

  @Get(':id/stats')
  async stats(
    @Param(new ZodPipe(contract.goalStats.params)) p: Params,
    @Query(new ZodPipe(contract.goalStats.query)) query: GoalStatsQuery,
    @KeyEnvironment() env: Environment,
  ): Promise<GoalStats> {
    await this.goals.store.get(env.workspaceId, p.id);
    return this.goals.stats(env.workspaceId, p.id, query);
  }
}

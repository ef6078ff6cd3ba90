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
  type Journey,
  type JourneyInput,
  type JourneyStats,
  type JourneyStatsQuery,
  type SegmentRefreshResult,
} from '@waymark/shared';
import { ZodPipe } from '../common/zod.pipe';
import type { Environment } from '../workspaces/environment.entity';
import { KeyEnvironment, SecretKeyGuard } from '../workspaces/key.guards';
import { JourneysService } from './journeys.service';

type Params = { id: string };

@Controller('api/v1/journeys')
@UseGuards(SecretKeyGuard)
export class JourneysController {
  constructor(private readonly journeys: JourneysService) {}

  @Get()
  async list(@KeyEnvironment() env: Environment): Promise<{ data: Journey[] }> {
    return { data: await this.journeys.list(env.workspaceId) };
  }

  @Post()
  async create(
    @Body(new ZodPipe(contract.journeyCreate.body)) body: JourneyInput,
    @KeyEnvironment() env: Environment,
  ): Promise<Journey> {
    const journey = await this.journeys.create(env.workspaceId, body);
    await this.journeys.refresh(env.workspaceId, journey);
    return this.journeys.get(env.workspaceId, journey.id);
  }

  @Get(':id')
  get(
    @Param(new ZodPipe(contract.journeyGet.params)) p: Params,
    @KeyEnvironment() env: Environment,
  ): Promise<Journey> {
    return this.journeys.get(env.workspaceId, p.id);
  }

  @Put(':id')
  async update(
    @Param(new ZodPipe(contract.journeyUpdate.params)) p: Params,
    @Body(new ZodPipe(contract.journeyUpdate.body)) body: JourneyInput,
    @KeyEnvironment() env: Environment,
  ): Promise<Journey> {
    const journey = await this.journeys.update(env.workspaceId, p.id, body);
    await this.journeys.refresh(env.workspaceId, journey);
    return this.journeys.get(env.workspaceId, p.id);
  }

  @Delete(':id')
  async remove(
    @Param(new ZodPipe(contract.journeyDelete.params)) p: Params,
    @KeyEnvironment() env: Environment,
  ): Promise<{ deleted: true }> {
    await this.journeys.remove(env.workspaceId, p.id);
    return { deleted: true };
  }

  @Post(':id/refresh')
  @HttpCode(200)
  async refresh(
    @Param(new ZodPipe(contract.journeyRefresh.params)) p: Params,
    @KeyEnvironment() env: Environment,
  ): Promise<SegmentRefreshResult> {
    return this.journeys.refresh(
      env.workspaceId,
      await this.journeys.store.get(env.workspaceId, p.id),
    );
  }

  @Get(':id/stats')
  stats(
    @Param(new ZodPipe(contract.journeyStats.params)) p: Params,
    @Query(new ZodPipe(contract.journeyStats.query)) query: JourneyStatsQuery,
    @KeyEnvironment() env: Environment,
  ): Promise<JourneyStats> {
    return this.journeys.stats(env.workspaceId, p.id, query.stallDays);
  }
}

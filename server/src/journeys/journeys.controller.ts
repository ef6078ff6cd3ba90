import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  contract,
  type Journey,
  type JourneyInput,
  type JourneyStats,
  type JourneyStatsQuery,
  type SegmentRefreshResult,
} from '@waymark/shared';
import { AuditService } from '../audit/audit.service';
import { ZodPipe } from '../common/zod.pipe';
import {
  Caller,
  type CallerInfo,
  definitionPrefixes,
  KeyOrSession,
  recordDefinitionChange,
} from '../segments/definition-access.controller';
import { JourneysService } from './journeys.service';

type Params = { id: string };

/** Journeys at `/api/v1/journeys` (secret key) and `/api/workspaces/:workspaceId/journeys`. */
@Controller(definitionPrefixes('journeys'))
@KeyOrSession()
export class JourneysController {
  constructor(
    private readonly journeys: JourneysService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  async list(@Caller() c: CallerInfo): Promise<{ data: Journey[] }> {
    return { data: await this.journeys.list(c.workspaceId) };
  }

  @Post()
  async create(
    @Body(new ZodPipe(contract.journeyCreate.body)) body: JourneyInput,
    @Caller() c: CallerInfo,
  ): Promise<Journey> {
    const journey = await this.journeys.create(c.workspaceId, body);
    await this.journeys.refresh(c.workspaceId, journey);
    const answer = await this.journeys.get(c.workspaceId, journey.id);
    await this.record(c, 'created', journey.id, null, answer);
    return answer;
  }

  @Get(':id')
  get(
    @Param(new ZodPipe(contract.journeyGet.params)) p: Params,
    @Caller() c: CallerInfo,
  ): Promise<Journey> {
    return this.journeys.get(c.workspaceId, p.id);
  }

  @Put(':id')
  async update(
    @Param(new ZodPipe(contract.journeyUpdate.params)) p: Params,
    @Body(new ZodPipe(contract.journeyUpdate.body)) body: JourneyInput,
    @Caller() c: CallerInfo,
  ): Promise<Journey> {
    const before = await this.journeys.get(c.workspaceId, p.id);
    const journey = await this.journeys.update(c.workspaceId, p.id, body);
    await this.journeys.refresh(c.workspaceId, journey);
    const answer = await this.journeys.get(c.workspaceId, p.id);
    await this.record(c, 'updated', p.id, before, answer);
    return answer;
  }

  @Delete(':id')
  async remove(
    @Param(new ZodPipe(contract.journeyDelete.params)) p: Params,
    @Caller() c: CallerInfo,
  ): Promise<{ deleted: true }> {
    const before = await this.journeys.get(c.workspaceId, p.id);
    await this.journeys.remove(c.workspaceId, p.id);
    await this.record(c, 'deleted', p.id, before, null);
    return { deleted: true };
  }

  @Post(':id/refresh')
  @HttpCode(200)
  async refresh(
    @Param(new ZodPipe(contract.journeyRefresh.params)) p: Params,
    @Caller() c: CallerInfo,
  ): Promise<SegmentRefreshResult> {
    return this.journeys.refresh(c.workspaceId, await this.journeys.store.get(c.workspaceId, p.id));
  }

  @Get(':id/stats')
  stats(
    @Param(new ZodPipe(contract.journeyStats.params)) p: Params,
    @Query(new ZodPipe(contract.journeyStats.query)) query: JourneyStatsQuery,
    @Caller() c: CallerInfo,
  ): Promise<JourneyStats> {
    return this.journeys.stats(c.workspaceId, p.id, query.stallDays);
  }

  /** Recorded after the change commits: the service does not take a transaction. */
  private record(
    c: CallerInfo,
    verb: 'created' | 'updated' | 'deleted',
    id: string,
    before: Journey | null,
    after: Journey | null,
  ): Promise<void> {
    return recordDefinitionChange(
      this.audit,
      c,
      { type: 'journey', verb, id },
      before,
      after,
      (j) => ({ name: j.name, stages: j.stages }),
    );
  }
}

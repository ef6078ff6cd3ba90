import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  contract,
  type Goal,
  type GoalInput,
  type GoalStats,
  type GoalStatsQuery,
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
import { GoalsService } from './goals.service';

type Params = { id: string };

/** Goals at `/api/v1/goals` (secret key) and `/api/workspaces/:workspaceId/goals` (session). */
@Controller(definitionPrefixes('goals'))
@KeyOrSession()
export class GoalsController {
  constructor(
    private readonly goals: GoalsService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  async list(@Caller() c: CallerInfo): Promise<{ data: Goal[] }> {
    return { data: await this.goals.list(c.workspaceId) };
  }

  @Post()
  async create(
    @Body(new ZodPipe(contract.goalCreate.body)) body: GoalInput,
    @Caller() c: CallerInfo,
  ): Promise<Goal> {
    const goal = await this.goals.create(c.workspaceId, body);
    const stored = await this.goals.store.get(c.workspaceId, goal.id);
    await this.goals.refresh(c.workspaceId, stored);
    const answer = await this.goals.get(c.workspaceId, goal.id);
    await this.record(c, 'created', goal.id, null, answer);
    return answer;
  }

  @Get(':id')
  get(@Param(new ZodPipe(contract.goalGet.params)) p: Params, @Caller() c: CallerInfo) {
    return this.goals.get(c.workspaceId, p.id);
  }

  @Put(':id')
  async update(
    @Param(new ZodPipe(contract.goalUpdate.params)) p: Params,
    @Body(new ZodPipe(contract.goalUpdate.body)) body: GoalInput,
    @Caller() c: CallerInfo,
  ): Promise<Goal> {
    const before = await this.goals.get(c.workspaceId, p.id);
    await this.goals.update(c.workspaceId, p.id, body);
    await this.goals.refresh(c.workspaceId, await this.goals.store.get(c.workspaceId, p.id));
    const answer = await this.goals.get(c.workspaceId, p.id);
    await this.record(c, 'updated', p.id, before, answer);
    return answer;
  }

  @Delete(':id')
  async remove(
    @Param(new ZodPipe(contract.goalDelete.params)) p: Params,
    @Caller() c: CallerInfo,
  ): Promise<{ deleted: true }> {
    const before = await this.goals.get(c.workspaceId, p.id);
    await this.goals.remove(c.workspaceId, p.id);
    await this.record(c, 'deleted', p.id, before, null);
    return { deleted: true };
  }

  @Post(':id/refresh')
  @HttpCode(200)
  async refresh(
    @Param(new ZodPipe(contract.goalRefresh.params)) p: Params,
    @Caller() c: CallerInfo,
  ): Promise<SegmentRefreshResult> {
    return this.goals.refresh(c.workspaceId, await this.goals.store.get(c.workspaceId, p.id));
  }

  @Get(':id/stats')
  async stats(
    @Param(new ZodPipe(contract.goalStats.params)) p: Params,
    @Query(new ZodPipe(contract.goalStats.query)) query: GoalStatsQuery,
    @Caller() c: CallerInfo,
  ): Promise<GoalStats> {
    await this.goals.store.get(c.workspaceId, p.id);
    return this.goals.stats(c.workspaceId, p.id, query);
  }

  /** Recorded after the change commits: the service does not take a transaction. */
  private record(
    c: CallerInfo,
    verb: 'created' | 'updated' | 'deleted',
    id: string,
    before: Goal | null,
    after: Goal | null,
  ): Promise<void> {
    return recordDefinitionChange(
      this.audit,
      c,
      { type: 'goal', verb, id },
      before,
      after,
      (g) => ({ name: g.name, definition: g.definition }),
    );
  }
}

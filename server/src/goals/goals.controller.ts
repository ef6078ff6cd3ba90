import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  contract,
  type Goal,
  type GoalInput,
  type GoalStats,
  type GoalStatsQuery,
} from '@waymark/shared';
import { AuditService } from '../audit/audit.service';
import { ZodPipe } from '../common/zod.pipe';
import {
  Caller,
  type CallerInfo,
  definitionPrefixes,
  KeyOrSession,
} from '../segments/definition-access.controller';
import { DefinitionCrudController } from '../segments/definition-crud.controller';
import { GoalsService, type StoredGoal } from './goals.service';

type Params = { id: string };

/**
 * Goals at `/api/v1/goals` (secret key) and `/api/workspaces/:workspaceId/goals` (session);
 * CRUD and refresh from `DefinitionCrudController`.
 */
@Controller(definitionPrefixes('goals'))
@KeyOrSession()
export class GoalsController extends DefinitionCrudController<Goal, GoalInput, StoredGoal>({
  type: 'goal',
  body: contract.goalCreate.body,
  params: contract.goalGet.params,
  summary: (g) => ({ name: g.name, definition: g.definition }),
}) {
  constructor(
    private readonly goals: GoalsService,
    audit: AuditService,
  ) {
    super(goals, audit);
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
}

import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  contract,
  type Journey,
  type JourneyInput,
  type JourneyStats,
  type JourneyStatsQuery,
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
import { JourneysService, type StoredJourney } from './journeys.service';

type Params = { id: string };

/**
 * Journeys at `/api/v1/journeys` (secret key) and `/api/workspaces/:workspaceId/journeys`;
 * CRUD and refresh from `DefinitionCrudController`.
 */
@Controller(definitionPrefixes('journeys'))
@KeyOrSession()
export class JourneysController extends DefinitionCrudController<
  Journey,
  JourneyInput,
  StoredJourney
>({
  type: 'journey',
  body: contract.journeyCreate.body,
  params: contract.journeyGet.params,
  summary: (j) => ({ name: j.name, stages: j.stages }),
}) {
  constructor(
    private readonly journeys: JourneysService,
    audit: AuditService,
  ) {
    super(journeys, audit);
  }

  @Get(':id/stats')
  stats(
    @Param(new ZodPipe(contract.journeyStats.params)) p: Params,
    @Query(new ZodPipe(contract.journeyStats.query)) query: JourneyStatsQuery,
    @Caller() c: CallerInfo,
  ): Promise<JourneyStats> {
    return this.journeys.stats(c.workspaceId, p.id, query.stallDays);
  }
}

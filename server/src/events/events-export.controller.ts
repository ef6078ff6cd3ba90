import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { contract, type EventsExportQuery, type EventsExportResponse } from '@waymark/shared';
import { ZodPipe } from '../common/zod.pipe';
import type { Environment } from '../workspaces/environment.entity';
import { KeyEnvironment, SecretKeyGuard } from '../workspaces/key.guards';
import { EventsService } from './events.service';

@Controller('api/v1/events')
@UseGuards(SecretKeyGuard)
export class EventsExportController {
  constructor(private readonly events: EventsService) {}

  @Get()
  list(
    @Query(new ZodPipe(contract.eventsExport.query)) query: EventsExportQuery,
    @KeyEnvironment() environment: Environment,
  ): Promise<EventsExportResponse> {
    return this.events.export(environment.workspaceId, query);
  }
}

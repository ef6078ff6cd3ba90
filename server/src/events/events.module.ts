import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { EventPartitions } from './event-partitions';
import { EventWriter } from './event-writer';
import { EventsExportController } from './events-export.controller';
import { EventsService } from './events.service';

@Module({
  imports: [WorkspacesModule, IdentityModule],
  controllers: [EventsExportController],
  providers: [EventsService, EventWriter, EventPartitions],
  exports: [EventsService, EventWriter, EventPartitions],
})
export class EventsModule {}

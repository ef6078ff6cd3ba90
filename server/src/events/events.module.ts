import { Module } from '@nestjs/common';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { EventsExportController } from './events-export.controller';
import { EventsService } from './events.service';

@Module({
  imports: [WorkspacesModule],
  controllers: [EventsExportController],
  providers: [EventsService],
  exports: [EventsService],
})
export class EventsModule {}

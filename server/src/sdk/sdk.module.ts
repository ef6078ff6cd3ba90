import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { EventsModule } from '../events/events.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { SdkController } from './sdk.controller';
import { SdkService } from './sdk.service';

@Module({
  imports: [ContentModule, EventsModule, WorkspacesModule],
  controllers: [SdkController],
  providers: [SdkService],
})
export class SdkModule {}

import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { IngestController } from './ingest.controller';
import { IngestService } from './ingest.service';
import { IngestRateLimiter } from './rate-limiter';
import { WriteKeyGuard } from './write-key.guard';

/** The Segment-compatible HTTP Tracking API (`/v1/*`), the secret key being the write key. */
@Module({
  imports: [EventsModule, WorkspacesModule],
  controllers: [IngestController],
  providers: [IngestService, IngestRateLimiter, WriteKeyGuard],
})
export class IngestModule {}

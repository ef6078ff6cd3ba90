import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { EventsModule } from '../events/events.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { IngestController } from './ingest.controller';
import { IngestService } from './ingest.service';
import { IngestRateLimiter } from './rate-limiter';
import { WriteKeyGuard } from './write-key.guard';

/** The Segment-compatible HTTP Tracking API (`/v1/*`), the secret key being the write key. */
@Module({
  // ContentModule provides ConfigChanges, whose `waymark_keys` channel invalidates write keys.
  imports: [ContentModule, EventsModule, WorkspacesModule],
  controllers: [IngestController],
  providers: [IngestService, IngestRateLimiter, WriteKeyGuard],
})
export class IngestModule {}

import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ContentModule } from '../content/content.module';
import { EventsModule } from '../events/events.module';
import { ExperimentsModule } from '../experiments/experiments.module';
import { SegmentsModule } from '../segments/segments.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { AudienceEvaluator } from './audience.evaluator';
import { ConfigCache } from './config.cache';
import { EligibilityController } from './eligibility.controller';
import { EligibilityService } from './eligibility.service';
import { ProgressService } from './progress.service';
import { SdkController } from './sdk.controller';
import { SdkService } from './sdk.service';

/**
 * The decision path: the session, events and progress endpoints the widget calls, the
 * published-configuration cache (LISTEN/NOTIFY), audiences, progress, and the eligibility API.
 */
@Module({
  imports: [
    ContentModule,
    ExperimentsModule,
    EventsModule,
    SegmentsModule,
    WorkspacesModule,
    AuthModule,
  ],
  controllers: [SdkController, EligibilityController],
  providers: [SdkService, ConfigCache, AudienceEvaluator, ProgressService, EligibilityService],
  exports: [ConfigCache],
})
export class SdkModule {}

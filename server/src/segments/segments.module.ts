import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { GoalsModule } from '../goals/goals.module';
import { IdentityModule } from '../identity/identity.module';
import { JourneysModule } from '../journeys/journeys.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { LiveEvaluator } from './live-evaluator';
import { RulesService } from './rules.service';
import { SegmentsController } from './segments.controller';
import { SegmentsService } from './segments.service';
import { UserExportController } from './user-export.controller';

/**
 * Segments, the in-memory rule evaluator for the decision path (RulesService), the live
 * evaluator that keeps goals, journeys and segments current, and the user export API.
 */
@Module({
  imports: [EventsModule, IdentityModule, GoalsModule, JourneysModule, WorkspacesModule],
  controllers: [SegmentsController, UserExportController],
  providers: [SegmentsService, RulesService, LiveEvaluator],
  exports: [
    SegmentsService,
    RulesService,
    LiveEvaluator,
    GoalsModule,
    JourneysModule,
    IdentityModule,
  ],
})
export class SegmentsModule {}

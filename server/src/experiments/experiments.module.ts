import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { ContentModule } from '../content/content.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { AssignmentsService } from './assignments.service';
import { Experiment } from './experiment.entity';
import { ExperimentsController } from './experiments.controller';
import { ExperimentsService } from './experiments.service';

/** Experiments on content, sticky assignments and exposures (statistics come later). */
@Module({
  imports: [TypeOrmModule.forFeature([Experiment]), ContentModule, AuthModule, WorkspacesModule],
  controllers: [ExperimentsController],
  providers: [ExperimentsService, AssignmentsService],
  exports: [ExperimentsService, AssignmentsService],
})
export class ExperimentsModule {}

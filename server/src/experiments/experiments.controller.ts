import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  contract,
  type Experiment,
  type ExperimentExposuresResponse,
  type ExperimentParams,
  type ExperimentShip,
} from '@waymark/shared';
import { WorkspaceResourceController } from '../common/workspace-crud.controller';
import { ZodPipe } from '../common/zod.pipe';
import {
  CurrentMember,
  RequireRole,
  type WorkspaceMember,
} from '../workspaces/require-role.decorator';
import { ExperimentsService } from './experiments.service';

/** Experiments on content items. Viewers read; editors and owners change. */
@Controller('api/workspaces/:workspaceId/experiments')
export class ExperimentsController extends WorkspaceResourceController({
  list: contract.experimentList,
  create: contract.experimentCreate,
  get: contract.experimentGet,
  update: contract.experimentUpdate,
}) {
  constructor(private readonly experiments: ExperimentsService) {
    super(experiments);
  }

  @Post(':experimentId/start')
  @HttpCode(200)
  @RequireRole('editor')
  start(
    @Param(new ZodPipe(contract.experimentStart.params)) p: ExperimentParams,
    @CurrentMember() member: WorkspaceMember,
  ): Promise<Experiment> {
    return this.experiments.start(p.workspaceId, member, p.experimentId);
  }

  @Post(':experimentId/stop')
  @HttpCode(200)
  @RequireRole('editor')
  stop(
    @Param(new ZodPipe(contract.experimentStop.params)) p: ExperimentParams,
    @CurrentMember() member: WorkspaceMember,
  ): Promise<Experiment> {
    return this.experiments.stop(p.workspaceId, member, p.experimentId);
  }

  @Post(':experimentId/ship')
  @HttpCode(200)
  @RequireRole('editor')
  ship(
    @Param(new ZodPipe(contract.experimentShip.params)) p: ExperimentParams,
    @Body(new ZodPipe(contract.experimentShip.body)) body: ExperimentShip,
    @CurrentMember() member: WorkspaceMember,
  ): Promise<Experiment> {
    return this.experiments.ship(p.workspaceId, member, p.experimentId, body.variant);
  }

  @Get(':experimentId/exposures')
  @RequireRole('viewer')
  exposures(
    @Param(new ZodPipe(contract.experimentExposures.params)) p: ExperimentParams,
  ): Promise<ExperimentExposuresResponse> {
    return this.experiments.exposures(p.workspaceId, p.experimentId);
  }
}

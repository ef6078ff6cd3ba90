import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  contract,
  type Experiment,
  type ExperimentCreate,
  type ExperimentExposuresResponse,
  type ExperimentParams,
  type ExperimentShip,
  type ExperimentUpdate,
  type WorkspaceParams,
} from '@waymark/shared';
import { ZodPipe } from '../common/zod.pipe';
import {
  CurrentMember,
  RequireRole,
  type WorkspaceMember,
} from '../workspaces/require-role.decorator';
import { ExperimentsService } from './experiments.service';

/** Experiments on content items. Viewers read; editors and owners change. */
@Controller('api/workspaces/:workspaceId/experiments')
export class ExperimentsController {
  constructor(private readonly experiments: ExperimentsService) {}

  @Get()
  @RequireRole('viewer')
  async list(
    @Param(new ZodPipe(contract.experimentList.params)) p: WorkspaceParams,
  ): Promise<{ data: Experiment[] }> {
    return { data: await this.experiments.list(p.workspaceId) };
  }

  @Post()
  @RequireRole('editor')
  create(
    @Param(new ZodPipe(contract.experimentCreate.params)) p: WorkspaceParams,
    @Body(new ZodPipe(contract.experimentCreate.body)) body: ExperimentCreate,
    @CurrentMember() member: WorkspaceMember,
  ): Promise<Experiment> {
    return this.experiments.create(p.workspaceId, member, body);
  }

  @Get(':experimentId')
  @RequireRole('viewer')
  get(@Param(new ZodPipe(contract.experimentGet.params)) p: ExperimentParams): Promise<Experiment> {
    return this.experiments.get(p.workspaceId, p.experimentId);
  }

  @Patch(':experimentId')
  @RequireRole('editor')
  update(
    @Param(new ZodPipe(contract.experimentUpdate.params)) p: ExperimentParams,
    @Body(new ZodPipe(contract.experimentUpdate.body)) body: ExperimentUpdate,
    @CurrentMember() member: WorkspaceMember,
  ): Promise<Experiment> {
    return this.experiments.update(p.workspaceId, member, p.experimentId, body);
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

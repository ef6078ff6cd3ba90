import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  contract,
  type Segment,
  type SegmentInput,
  type SegmentMembersPage,
  type SegmentMembersQuery,
  type SegmentPreview,
  type SegmentPreviewRequest,
  type SegmentRefreshResult,
} from '@waymark/shared';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { ZodPipe } from '../common/zod.pipe';
import type { Environment } from '../workspaces/environment.entity';
import { KeyEnvironment, SecretKeyGuard } from '../workspaces/key.guards';
import { SegmentsService } from './segments.service';

type Params = { id: string };

@Controller('api/v1/segments')
@UseGuards(SecretKeyGuard)
export class SegmentsController {
  constructor(private readonly segments: SegmentsService) {}

  @Get()
  async list(@KeyEnvironment() env: Environment): Promise<{ data: Segment[] }> {
    return { data: await this.segments.list(env.workspaceId) };
  }

  /** Members are computed before the answer, so the count it shows is real. */
  @Post()
  async create(
    @Body(new ZodPipe(contract.segmentCreate.body)) body: SegmentInput,
    @KeyEnvironment() env: Environment,
  ): Promise<Segment> {
    const segment = await this.segments.create(env.workspaceId, body);
    await this.segments.refresh(env.workspaceId, segment);
    return this.segments.get(env.workspaceId, segment.id);
  }

  @Post('preview')
  @HttpCode(200)
  preview(
    @Body(new ZodPipe(contract.segmentPreview.body)) body: SegmentPreviewRequest,
    @KeyEnvironment() env: Environment,
  ): Promise<SegmentPreview> {
    return this.segments.preview(env.workspaceId, body.rule, body.sample);
  }

  @Get(':id')
  get(
    @Param(new ZodPipe(contract.segmentGet.params)) p: Params,
    @KeyEnvironment() env: Environment,
  ): Promise<Segment> {
    return this.segments.get(env.workspaceId, p.id);
  }

  @Put(':id')
  async update(
    @Param(new ZodPipe(contract.segmentUpdate.params)) p: Params,
    @Body(new ZodPipe(contract.segmentUpdate.body)) body: SegmentInput,
    @KeyEnvironment() env: Environment,
  ): Promise<Segment> {
    const segment = await this.segments.update(env.workspaceId, p.id, body);
    await this.segments.refresh(env.workspaceId, segment);
    return this.segments.get(env.workspaceId, p.id);
  }

  @Delete(':id')
  async remove(
    @Param(new ZodPipe(contract.segmentDelete.params)) p: Params,
    @KeyEnvironment() env: Environment,
  ): Promise<{ deleted: true }> {
    await this.segments.remove(env.workspaceId, p.id);
    return { deleted: true };
  }

  @Post(':id/refresh')
  @HttpCode(200)
  async refresh(
    @Param(new ZodPipe(contract.segmentRefresh.params)) p: Params,
    @KeyEnvironment() env: Environment,
  ): Promise<SegmentRefreshResult> {
    return this.segments.refresh(
      env.workspaceId,
      await this.segments.store.get(env.workspaceId, p.id),
    );
  }

  @Get(':id/members')
  members(
    @Param(new ZodPipe(contract.segmentMembers.params)) p: Params,
    @Query(new ZodPipe(contract.segmentMembers.query)) query: SegmentMembersQuery,
    @KeyEnvironment() env: Environment,
  ): Promise<SegmentMembersPage> {
    return this.segments.members(env.workspaceId, p.id, query.limit, query.cursor);
  }

  @Get(':id/members.csv')
  async csv(
    @Param(new ZodPipe(contract.segmentMembersCsv.params)) p: Params,
    @KeyEnvironment() env: Environment,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const lines = this.segments.csv(env.workspaceId, p.id);
    const first = await lines.next(); // 404 before any byte is sent
    async function* all() {
      if (!first.done) yield first.value;
      yield* lines;
    }
    await reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="segment-${p.id}.csv"`)
      .send(Readable.from(all()));
  }
}

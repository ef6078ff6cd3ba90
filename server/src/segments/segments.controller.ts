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
import { AuditService } from '../audit/audit.service';
import { ZodPipe } from '../common/zod.pipe';
import {
  Caller,
  type CallerInfo,
  definitionPrefixes,
  KeyOrSession,
  recordDefinitionChange,
  MinimumRole,
} from './definition-access.controller';
import { SegmentsService } from './segments.service';

type Params = { id: string };

/**
 * Segments at `/api/v1/segments` (secret key) and `/api/workspaces/:workspaceId/segments`
 * (builder session): one set of handlers. Params validate with the v1 schema; for the builder
 * door the guard has already checked `workspaceId`, which the schema strips.
 */
@Controller(definitionPrefixes('segments'))
@KeyOrSession()
export class SegmentsController {
  constructor(
    private readonly segments: SegmentsService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  async list(@Caller() c: CallerInfo): Promise<{ data: Segment[] }> {
    return { data: await this.segments.list(c.workspaceId) };
  }

  /** Members are computed before the answer, so the count it shows is real. */
  @Post()
  async create(
    @Body(new ZodPipe(contract.segmentCreate.body)) body: SegmentInput,
    @Caller() c: CallerInfo,
  ): Promise<Segment> {
    const segment = await this.segments.create(c.workspaceId, body);
    await this.segments.refresh(c.workspaceId, segment);
    const answer = await this.segments.get(c.workspaceId, segment.id);
    await this.record(c, 'created', answer.id, null, answer);
    return answer;
  }

  @Post('preview')
  @HttpCode(200)
  @MinimumRole('viewer')
  preview(
    @Body(new ZodPipe(contract.segmentPreview.body)) body: SegmentPreviewRequest,
    @Caller() c: CallerInfo,
  ): Promise<SegmentPreview> {
    return this.segments.preview(c.workspaceId, body.rule, body.sample);
  }

  @Get(':id')
  get(
    @Param(new ZodPipe(contract.segmentGet.params)) p: Params,
    @Caller() c: CallerInfo,
  ): Promise<Segment> {
    return this.segments.get(c.workspaceId, p.id);
  }

  @Put(':id')
  async update(
    @Param(new ZodPipe(contract.segmentUpdate.params)) p: Params,
    @Body(new ZodPipe(contract.segmentUpdate.body)) body: SegmentInput,
    @Caller() c: CallerInfo,
  ): Promise<Segment> {
    const before = await this.segments.get(c.workspaceId, p.id);
    const segment = await this.segments.update(c.workspaceId, p.id, body);
    await this.segments.refresh(c.workspaceId, segment);
    const answer = await this.segments.get(c.workspaceId, p.id);
    await this.record(c, 'updated', p.id, before, answer);
    return answer;
  }

  @Delete(':id')
  async remove(
    @Param(new ZodPipe(contract.segmentDelete.params)) p: Params,
    @Caller() c: CallerInfo,
  ): Promise<{ deleted: true }> {
    const before = await this.segments.get(c.workspaceId, p.id);
    await this.segments.remove(c.workspaceId, p.id);
    await this.record(c, 'deleted', p.id, before, null);
    return { deleted: true };
  }

  @Post(':id/refresh')
  @HttpCode(200)
  async refresh(
    @Param(new ZodPipe(contract.segmentRefresh.params)) p: Params,
    @Caller() c: CallerInfo,
  ): Promise<SegmentRefreshResult> {
    return this.segments.refresh(c.workspaceId, await this.segments.store.get(c.workspaceId, p.id));
  }

  @Get(':id/members')
  members(
    @Param(new ZodPipe(contract.segmentMembers.params)) p: Params,
    @Query(new ZodPipe(contract.segmentMembers.query)) query: SegmentMembersQuery,
    @Caller() c: CallerInfo,
  ): Promise<SegmentMembersPage> {
    return this.segments.members(c.workspaceId, p.id, query.limit, query.cursor);
  }

  @Get(':id/members.csv')
  async csv(
    @Param(new ZodPipe(contract.segmentMembersCsv.params)) p: Params,
    @Caller() c: CallerInfo,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const lines = this.segments.csv(c.workspaceId, p.id);
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

  /** Recorded after the change commits: the service does not take a transaction. */
  private record(
    c: CallerInfo,
    verb: 'created' | 'updated' | 'deleted',
    id: string,
    before: Segment | null,
    after: Segment | null,
  ): Promise<void> {
    return recordDefinitionChange(
      this.audit,
      c,
      { type: 'segment', verb, id },
      before,
      after,
      (s) => ({ name: s.name, rule: s.rule }),
    );
  }
}

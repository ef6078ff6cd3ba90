import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  contract,
  type Segment,
  type SegmentInput,
  type SegmentMembersPage,
  type SegmentMembersQuery,
  type SegmentPreview,
  type SegmentPreviewRequest,
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
  MinimumRole,
} from './definition-access.controller';
import { DefinitionCrudController } from './definition-crud.controller';
import { SegmentsService, type StoredSegment } from './segments.service';

type Params = { id: string };

/**
 * Segments at `/api/v1/segments` (secret key) and `/api/workspaces/:workspaceId/segments`
 * (builder session): one set of handlers; CRUD and refresh from `DefinitionCrudController`. Params validate with the v1 schema; for the builder
 * door the guard has already checked `workspaceId`, which the schema strips.
 */
@Controller(definitionPrefixes('segments'))
@KeyOrSession()
export class SegmentsController extends DefinitionCrudController<
  Segment,
  SegmentInput,
  StoredSegment
>({
  type: 'segment',
  body: contract.segmentCreate.body,
  params: contract.segmentGet.params,
  summary: (s) => ({ name: s.name, rule: s.rule }),
}) {
  constructor(
    private readonly segments: SegmentsService,
    audit: AuditService,
  ) {
    super(segments, audit);
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
}

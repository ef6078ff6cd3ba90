import { Body, Controller, HttpCode, Options, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  contract,
  INGEST_LIMITS,
  type IngestResponse,
  type SegmentBatch,
  type SegmentMessageType,
} from '@waymark/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../common/app-error';
import { ZodPipe } from '../common/zod.pipe';
import type { Environment } from '../workspaces/environment.entity';
import { KeyEnvironment } from '../workspaces/key.guards';
import { IngestService, RateLimitedError } from './ingest.service';
import { WriteKeyGuard } from './write-key.guard';

const ALL_PATHS = [
  'batch',
  'b',
  'import',
  'track',
  't',
  'identify',
  'i',
  'page',
  'p',
  'screen',
  's',
  'group',
  'g',
  'alias',
  'a',
];

/** analytics.js posts from customers' pages: open CORS, no credentials (the key is in the call). */
function cors(reply: FastifyReply): void {
  reply.header('access-control-allow-origin', '*');
}

/** The body's declared length (Infinity when unknown); 413 above `limit`. */
function checkLength(request: FastifyRequest, limit: number): number {
  const header = request.headers['content-length'];
  const length = header === undefined ? Infinity : Number(header);
  if (length > limit) {
    if (Number.isFinite(length)) {
      throw new AppError(
        'payload_too_large',
        `The body may be at most ${limit} bytes; it was ${length}.`,
      );
    }
  }
  return length;
}

/**
 * The Segment-compatible Tracking API. Every answer comes after the accepted events committed; a
 * 2xx means stored. JSON is also accepted as text/plain (analytics.js sends it that way).
 */
@Controller('v1')
export class IngestController {
  constructor(private readonly ingest: IngestService) {}

  @Options(ALL_PATHS)
  @HttpCode(204)
  preflight(@Res({ passthrough: true }) reply: FastifyReply): void {
    cors(reply);
    reply
      .header('access-control-allow-methods', 'POST, OPTIONS')
      .header('access-control-allow-headers', 'authorization, content-type')
      .header('access-control-max-age', '86400');
  }

  @Post(['batch', 'b', 'import'])
  @HttpCode(200)
  @UseGuards(WriteKeyGuard)
  batch(
    @Req() request: FastifyRequest,
    @Body(new ZodPipe(contract.ingestBatch.body)) body: SegmentBatch,
    @KeyEnvironment() environment: Environment,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IngestResponse> {
    const bytes = checkLength(request, INGEST_LIMITS.batchBytes);
    return this.answer(reply, this.ingest.batch(environment.workspaceId, body, bytes));
  }

  @Post(['track', 't'])
  @HttpCode(200)
  @UseGuards(WriteKeyGuard)
  track(
    @Req() r: FastifyRequest,
    @Body() b: unknown,
    @KeyEnvironment() e: Environment,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.single('track', r, b, e, reply);
  }

  @Post(['identify', 'i'])
  @HttpCode(200)
  @UseGuards(WriteKeyGuard)
  identify(
    @Req() r: FastifyRequest,
    @Body() b: unknown,
    @KeyEnvironment() e: Environment,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.single('identify', r, b, e, reply);
  }

  @Post(['page', 'p'])
  @HttpCode(200)
  @UseGuards(WriteKeyGuard)
  page(
    @Req() r: FastifyRequest,
    @Body() b: unknown,
    @KeyEnvironment() e: Environment,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.single('page', r, b, e, reply);
  }

  @Post(['screen', 's'])
  @HttpCode(200)
  @UseGuards(WriteKeyGuard)
  screen(
    @Req() r: FastifyRequest,
    @Body() b: unknown,
    @KeyEnvironment() e: Environment,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.single('screen', r, b, e, reply);
  }

  @Post(['group', 'g'])
  @HttpCode(200)
  @UseGuards(WriteKeyGuard)
  group(
    @Req() r: FastifyRequest,
    @Body() b: unknown,
    @KeyEnvironment() e: Environment,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.single('group', r, b, e, reply);
  }

  @Post(['alias', 'a'])
  @HttpCode(200)
  @UseGuards(WriteKeyGuard)
  alias(
    @Req() r: FastifyRequest,
    @Body() b: unknown,
    @KeyEnvironment() e: Environment,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.single('alias', r, b, e, reply);
  }

  private single(
    type: SegmentMessageType,
    request: FastifyRequest,
    body: unknown,
    environment: Environment,
    reply: FastifyReply,
  ): Promise<IngestResponse> {
    checkLength(request, INGEST_LIMITS.eventBytes + 1024);
    const { writeKey: _writeKey, ...message } = (body ?? {}) as Record<string, unknown>;
    if (message.type !== undefined && message.type !== type) {
      throw new AppError('validation_failed', `This path takes "${type}" calls.`, [
        { path: 'type', message: `Expected "${type}" or nothing.` },
      ]);
    }
    return this.answer(reply, this.ingest.single(environment.workspaceId, type, message));
  }

  private async answer(
    reply: FastifyReply,
    work: Promise<IngestResponse>,
  ): Promise<IngestResponse> {
    cors(reply);
    try {
      return await work;
    } catch (error) {
      if (error instanceof RateLimitedError) reply.header('retry-after', String(error.retryAfter));
      throw error;
    }
  }
}

import { Body, Controller, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import {
  contract,
  type EventsRequest,
  type EventsResponse,
  type ProgressRequest,
  type ProgressResponse,
  type SessionRequest,
} from '@waymark/shared';
import type { FastifyReply } from 'fastify';
import { ZodPipe } from '../common/zod.pipe';
import type { Environment } from '../workspaces/environment.entity';
import { KeyEnvironment, SdkKeyGuard } from '../workspaces/key.guards';
import { SdkService } from './sdk.service';

/** The public SDK API the widget talks to. CORS is open for /sdk/* (see cors.ts). */
@Controller('sdk/v1')
@UseGuards(SdkKeyGuard)
export class SdkController {
  constructor(private readonly sdk: SdkService) {}

  @Post('session')
  @HttpCode(200)
  async session(
    @Body(new ZodPipe(contract.sdkSession.body)) body: SessionRequest,
    @KeyEnvironment() environment: Environment,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    // A SessionResponse, serialised from memoised fragments (the definitions are its bulk).
    const { json, etag } = await this.sdk.session(environment.workspaceId, body);
    void reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('etag', `"${etag}"`)
      .header('cache-control', 'no-store');
    return json;
  }

  @Post('events')
  @HttpCode(200)
  events(
    @Body(new ZodPipe(contract.sdkEvents.body)) body: EventsRequest,
    @KeyEnvironment() environment: Environment,
  ): Promise<EventsResponse> {
    return this.sdk.ingest(environment.workspaceId, body);
  }

  @Post('progress')
  @HttpCode(200)
  progress(
    @Body(new ZodPipe(contract.sdkProgress.body)) body: ProgressRequest,
    @KeyEnvironment() environment: Environment,
  ): Promise<ProgressResponse> {
    return this.sdk.saveProgress(environment.workspaceId, body);
  }
}

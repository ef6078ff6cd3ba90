import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  contract,
  type EventsRequest,
  type EventsResponse,
  type ProgressRequest,
  type ProgressResponse,
} from '@waymark/shared';
import { ZodPipe } from '../common/zod.pipe';
import type { Environment } from '../workspaces/environment.entity';
import { KeyEnvironment, SdkKeyGuard } from '../workspaces/key.guards';
import { SdkService } from './sdk.service';

/**
 * The public SDK API the widget talks to. CORS is open for /sdk/* (see common/response-headers.ts).
 * `POST /sdk/v1/session` is registered on Fastify directly (session.route.ts, the hot path).
 */
@Controller('sdk/v1')
@UseGuards(SdkKeyGuard)
export class SdkController {
  constructor(private readonly sdk: SdkService) {}

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

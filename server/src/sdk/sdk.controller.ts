import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  contract,
  type EventsRequest,
  type EventsResponse,
  type SessionRequest,
  type SessionResponse,
} from '@waymark/shared';
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
  ): Promise<SessionResponse> {
    const content = await this.sdk.eligible(environment.workspaceId, body.user);
    return { content, etag: this.sdk.etagOf(content) };
  }

  @Post('events')
  @HttpCode(200)
  events(
    @Body(new ZodPipe(contract.sdkEvents.body)) body: EventsRequest,
    @KeyEnvironment() environment: Environment,
  ): Promise<EventsResponse> {
    return this.sdk.ingest(environment.workspaceId, body);
  }
}

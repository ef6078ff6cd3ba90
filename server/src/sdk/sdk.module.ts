import { Module, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { AuthModule } from '../auth/auth.module';
import { ConfigChanges, KEYS_CHANNEL } from '../content/config-changes';
import { ContentModule } from '../content/content.module';
import { EventsModule } from '../events/events.module';
import { ExperimentsModule } from '../experiments/experiments.module';
import { SegmentsModule } from '../segments/segments.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { WorkspacesService } from '../workspaces/workspaces.service';
import { AssignmentCache } from './assignment.cache';
import { AudienceEvaluator } from './audience.evaluator';
import { ConfigCache } from './config.cache';
import { EligibilityController } from './eligibility.controller';
import { EligibilityService } from './eligibility.service';
import { ProgressService } from './progress.service';
import { SdkController } from './sdk.controller';
import { SdkService } from './sdk.service';
import { registerSessionRoute } from './session.route';
import { TraitsSaver } from './traits.saver';

/**
 * The decision path: the session, events and progress endpoints the widget calls, the
 * published-configuration cache (LISTEN/NOTIFY), audiences, progress, and the eligibility API.
 * `POST /sdk/v1/session` is registered on Fastify directly (session.route.ts: the hot path).
 * It also connects the SDK key cache (WorkspacesService, which cannot import this module's
 * dependencies) to the shared change listener: NOTIFY `waymark_keys` drops a workspace's keys.
 */
@Module({
  imports: [
    ContentModule,
    ExperimentsModule,
    EventsModule,
    SegmentsModule,
    WorkspacesModule,
    AuthModule,
  ],
  controllers: [SdkController, EligibilityController],
  providers: [
    SdkService,
    ConfigCache,
    AssignmentCache,
    AudienceEvaluator,
    ProgressService,
    EligibilityService,
    TraitsSaver,
  ],
  exports: [ConfigCache],
})
export class SdkModule implements OnModuleInit, OnModuleDestroy {
  private readonly unsubscribe: Array<() => void> = [];

  constructor(
    private readonly changes: ConfigChanges,
    private readonly workspaces: WorkspacesService,
    private readonly sdk: SdkService,
    private readonly adapter: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapter.httpAdapter.getInstance<FastifyInstance>();
    registerSessionRoute(fastify, this.workspaces, this.sdk);
    this.unsubscribe.push(
      this.changes.on(KEYS_CHANNEL, (workspaceId) => this.workspaces.forgetKeys(workspaceId)),
      this.changes.onState((live) => this.workspaces.setKeyInvalidationLive(live)),
    );
  }

  onModuleDestroy(): void {
    for (const off of this.unsubscribe.splice(0)) off();
  }
}

import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ErrorFilter } from './common/error.filter';
import type { Config } from './config/config';
import { ConfigModule } from './config/config.module';
import { ContentModule } from './content/content.module';
import { entities } from './database/entities';
import { DocsController } from './docs/docs.controller';
import { EventsModule } from './events/events.module';
import { ExperimentsModule } from './experiments/experiments.module';
import { FeatureTagsModule } from './feature-tags/feature-tags.module';
import { GoalsModule } from './goals/goals.module';
import { IdentityModule } from './identity/identity.module';
import { IngestModule } from './ingest/ingest.module';
import { JourneysModule } from './journeys/journeys.module';
import { PreviewModule } from './preview/preview.module';
import { SegmentsModule } from './segments/segments.module';
import { SdkModule } from './sdk/sdk.module';
import { DemoService } from './seed/demo.service';
import { PagesController } from './static/pages.controller';
import { HealthController } from './system/health.controller';
import { UsersModule } from './users/users.module';
import { WorkspacesModule } from './workspaces/workspaces.module';

@Module({})
export class AppModule {
  /** The DataSource is opened (and migrated) before Nest starts; Nest only borrows it. */
  static forRoot(config: Config, dataSource: DataSource): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ type: 'postgres', entities }),
          dataSourceFactory: async () => dataSource,
        }),
        WorkspacesModule,
        AuthModule,
        AuditModule,
        ContentModule,
        ExperimentsModule,
        EventsModule,
        IdentityModule,
        IngestModule,
        GoalsModule,
        JourneysModule,
        SegmentsModule,
        SdkModule,
        FeatureTagsModule,
        PreviewModule,
        UsersModule,
      ],
      // PagesController holds the catch-all GET route, so it is registered last.
      controllers: [HealthController, DocsController, PagesController],
      providers: [DemoService, { provide: APP_FILTER, useClass: ErrorFilter }],
    };
  }
}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { ConfigChanges } from './config-changes';
import { ContentConfigService } from './content-config.service';
import { ContentLifecycleController } from './content-lifecycle.controller';
import { ContentLifecycleService } from './content-lifecycle.service';
import { ContentVersion } from './content-version.entity';
import { ContentController } from './content.controller';
import { Content } from './content.entity';
import { ContentService } from './content.service';
import { ThemeController } from './theme.controller';
import { Theme } from './theme.entity';
import { ThemeService } from './theme.service';

/**
 * Content items, immutable versions, shared themes, and the published configuration the SDK
 * reads (ContentConfigService), with change notification across instances (ConfigChanges).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Content, ContentVersion, Theme]),
    AuthModule,
    WorkspacesModule,
  ],
  controllers: [ContentController, ContentLifecycleController, ThemeController],
  providers: [
    ContentService,
    ContentLifecycleService,
    ThemeService,
    ConfigChanges,
    ContentConfigService,
  ],
  exports: [ContentService, ConfigChanges, ContentConfigService],
})
export class ContentModule {}

import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ContentModule } from '../content/content.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { FeatureTagsController } from './feature-tags.controller';
import { FeatureTagsService } from './feature-tags.service';

/**
 * Feature tags: no-code click and page definitions that become events. Writes go through
 * ConfigChanges (ContentModule) because the SDK delivers the tags with the published
 * configuration; ContentConfigService reads them for the SDK's cache.
 */
@Module({
  imports: [AuthModule, WorkspacesModule, ContentModule],
  controllers: [FeatureTagsController],
  providers: [FeatureTagsService],
})
export class FeatureTagsModule {}

import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ContentModule } from '../content/content.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { PreviewTokenController, SdkPreviewController } from './preview.controller';
import { PreviewService } from './preview.service';

/** Draft previews on the customer's real app (author only). */
@Module({
  imports: [AuthModule, WorkspacesModule, ContentModule],
  controllers: [PreviewTokenController, SdkPreviewController],
  providers: [PreviewService],
})
export class PreviewModule {}

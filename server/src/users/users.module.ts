import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { SegmentsModule } from '../segments/segments.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/**
 * The builder's view of end users: search, profile, event timeline. The profile comes from the
 * identity, segments, goals and journeys services (exported through SegmentsModule).
 */
@Module({
  imports: [AuthModule, WorkspacesModule, SegmentsModule],
  controllers: [UsersController],
  providers: [UsersService],
})
export class UsersModule {}

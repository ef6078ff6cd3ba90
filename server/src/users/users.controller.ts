import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  contract,
  type EventsExportResponse,
  type UserEventsQuery,
  type UserExport,
  type UserParams,
  type UserSearchPage,
  type UserSearchQuery,
  type WorkspaceIdParams,
} from '@waymark/shared';
import { ZodPipe } from '../common/zod.pipe';
import { RequireRole } from '../workspaces/require-role.decorator';
import { UsersService } from './users.service';

/** End users as the builder sees them (any member of the workspace). */
@Controller('api/workspaces/:workspaceId/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequireRole('viewer')
  search(
    @Param(new ZodPipe(contract.userSearch.params)) params: WorkspaceIdParams,
    @Query(new ZodPipe(contract.userSearch.query)) query: UserSearchQuery,
  ): Promise<UserSearchPage> {
    return this.users.search(params.workspaceId, query);
  }

  @Get(':userId')
  @RequireRole('viewer')
  profile(
    @Param(new ZodPipe(contract.userProfile.params)) params: UserParams,
  ): Promise<UserExport> {
    return this.users.profile(params.workspaceId, params.userId);
  }

  @Get(':userId/events')
  @RequireRole('viewer')
  events(
    @Param(new ZodPipe(contract.userEvents.params)) params: UserParams,
    @Query(new ZodPipe(contract.userEvents.query)) query: UserEventsQuery,
  ): Promise<EventsExportResponse> {
    return this.users.events(params.workspaceId, params.userId, query);
  }
}

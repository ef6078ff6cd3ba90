import { Module, forwardRef } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { EnvironmentsController } from './environments.controller';
import { EnvironmentsService } from './environments.service';
import { Environment } from './environment.entity';
import { Invitation } from './invitation.entity';
import { InvitationsService } from './invitations.service';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';
import { Membership } from './membership.entity';
import { WorkspaceRoleGuard } from './require-role.decorator';
import { Workspace } from './workspace.entity';
import { WorkspacesController } from './workspaces.controller';
import { WorkspacesService } from './workspaces.service';

/**
 * Tenancy: workspaces, memberships and roles, invitations, environments and their keys.
 * Exports the role guard (`RequireRole`, `CurrentMember` in require-role.decorator.ts), the key
 * guards (key.guards.ts) and `WorkspacesService.verifyIdentity`. Auth and workspaces need each
 * other (sign-up makes a workspace; workspace routes need the session guard): forwardRef.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Workspace, Membership, Environment, Invitation]),
    forwardRef(() => AuthModule),
  ],
  controllers: [WorkspacesController, MembersController, EnvironmentsController],
  providers: [
    WorkspacesService,
    EnvironmentsService,
    MembersService,
    InvitationsService,
    WorkspaceRoleGuard,
  ],
  exports: [WorkspacesService, WorkspaceRoleGuard],
})
export class WorkspacesModule {}

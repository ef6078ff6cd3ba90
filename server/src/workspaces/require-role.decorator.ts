import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
  applyDecorators,
  createParamDecorator,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '../common/app-error';
import { type AuthedRequest, SessionGuard } from '../auth/session.guard';
import type { Role } from './membership.entity';
import { WorkspacesService } from './workspaces.service';

const MINIMUM_ROLE = 'waymark:minimum-role';
const rank: Record<Role, number> = { viewer: 0, editor: 1, owner: 2 };
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The caller's membership in the route's workspace, set by WorkspaceRoleGuard. */
export interface WorkspaceMember {
  workspaceId: string;
  accountId: string;
  email: string;
  role: Role;
}

type MemberRequest = AuthedRequest & { member?: WorkspaceMember };

/** True when `role` is at least `minimum` (owner > editor > viewer). */
export const hasRole = (role: Role, minimum: Role): boolean => rank[role] >= rank[minimum];

/**
 * Reads `:workspaceId` from the path. Not a member (or no such workspace, or not a uuid): 404
 * `not_found`, so existence does not leak. A member below the route's role: 403 `forbidden`.
 * Runs before pipes, so a non-member gets 404 whatever the body holds.
 */
@Injectable()
export class WorkspaceRoleGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly workspaces: WorkspacesService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const minimum = this.reflector.getAllAndOverride<Role | undefined>(MINIMUM_ROLE, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<MemberRequest>();
    const signedIn = request.signedIn;
    if (!signedIn) throw new AppError('unauthenticated');
    const workspaceId = (request.params as Record<string, string | undefined>).workspaceId;
    if (!workspaceId || !uuid.test(workspaceId)) throw notFound();
    const role =
      request.member?.workspaceId === workspaceId
        ? request.member.role
        : await this.workspaces.findRole(signedIn.account.id, workspaceId);
    if (!role) throw notFound();
    if (minimum && !hasRole(role, minimum)) {
      throw new AppError(
        'forbidden',
        `This needs the ${minimum} role or higher; yours is ${role}.`,
      );
    }
    request.member = {
      workspaceId: workspaceId.toLowerCase(),
      accountId: signedIn.account.id,
      email: signedIn.account.email,
      role,
    };
    return true;
  }
}

const notFound = (): AppError => new AppError('not_found', 'No such workspace.');

/**
 * Builder routes under `/api/workspaces/:workspaceId/…`: a signed-in session (with CSRF on
 * writes) and a membership of at least `minimum`. Use on a controller or a handler; the
 * module must import AuthModule and WorkspacesModule.
 *
 * ```ts
 * @Post() @RequireRole('editor')
 * create(@CurrentMember() member: WorkspaceMember, @Body(new ZodPipe(...)) body: X) {…}
 * ```
 */
export const RequireRole = (minimum: Role): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(MINIMUM_ROLE, minimum), UseGuards(SessionGuard, WorkspaceRoleGuard));

/** The membership RequireRole checked: workspace id, account id, email and role. */
export const CurrentMember = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const member = context.switchToHttp().getRequest<MemberRequest>().member;
  if (!member) throw new AppError('unauthenticated');
  return member;
});

import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
  applyDecorators,
  createParamDecorator,
} from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { AuditActor } from '@waymark/shared';
import type { FastifyRequest } from 'fastify';
import { accountActor, type AuditService, keyActor } from '../audit/audit.service';
import { SessionGuard } from '../auth/session.guard';
import { AppError } from '../common/app-error';
import type { Role } from '../workspaces/membership.entity';
import type { Environment } from '../workspaces/environment.entity';
import { SecretKeyGuard } from '../workspaces/key.guards';
import {
  hasRole,
  WorkspaceRoleGuard,
  type WorkspaceMember,
} from '../workspaces/require-role.decorator';
import { WorkspacesService } from '../workspaces/workspaces.service';

/**
 * Shared plumbing of the segments, goals and journeys controllers. Each is served at two
 * prefixes by ONE controller class — `/api/v1/<plural>` (secret key, server to server) and
 * `/api/workspaces/:workspaceId/<plural>` (builder session) — so the handlers exist once.
 * `KeyOrSessionGuard` picks the door by the presence of `:workspaceId`; `@Caller()` hands the
 * handler the workspace and the audit actor whichever door was used.
 */
export const definitionPrefixes = (plural: string): string[] => [
  `api/v1/${plural}`,
  `api/workspaces/:workspaceId/${plural}`,
];

const MINIMUM = 'waymark:definition-minimum-role';

type DoorRequest = FastifyRequest & { environment?: Environment; member?: WorkspaceMember };

/**
 * Secret key when the path has no `:workspaceId`; otherwise a session (CSRF on writes), a
 * membership of the workspace (404 otherwise) and a role: viewers for GET, editors for
 * anything else unless the handler says `@MinimumRole('viewer')` (a POST that only reads).
 */
@Injectable()
export class KeyOrSessionGuard implements CanActivate {
  private session?: SessionGuard;

  constructor(
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
    private readonly workspaces: WorkspacesService,
    private readonly roles: WorkspaceRoleGuard,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<DoorRequest>();
    const params = request.params as Record<string, string | undefined>;
    if (params.workspaceId === undefined) {
      return new SecretKeyGuard(this.workspaces).canActivate(context);
    }
    // SessionGuard lives in AuthModule, which the definition modules do not import.
    this.session ??= this.moduleRef.get(SessionGuard, { strict: false });
    await this.session.canActivate(context);
    await this.roles.canActivate(context); // membership (404) and request.member
    const minimum =
      this.reflector.get<Role | undefined>(MINIMUM, context.getHandler()) ??
      (request.method === 'GET' || request.method === 'HEAD' ? 'viewer' : 'editor');
    const role = request.member?.role;
    if (!role || !hasRole(role, minimum)) {
      throw new AppError(
        'forbidden',
        `This needs the ${minimum} role or higher; yours is ${role}.`,
      );
    }
    return true;
  }
}

/** On a controller: both doors. */
export const KeyOrSession = (): ClassDecorator => applyDecorators(UseGuards(KeyOrSessionGuard));

/** Overrides the role a session needs for one handler (default: GET viewer, else editor). */
export const MinimumRole = (role: Role): MethodDecorator => SetMetadata(MINIMUM, role);

/** Who is calling, whichever door: the workspace and the actor for the audit log. */
export interface CallerInfo {
  workspaceId: string;
  actor: AuditActor;
}

/**
 * Audits a change to a segment, goal or journey made through either door: action
 * `<type>.<verb>`, before/after as `summary` describes them (name and definition).
 */
export function recordDefinitionChange<T>(
  audit: AuditService,
  caller: CallerInfo,
  change: {
    type: 'segment' | 'goal' | 'journey';
    verb: 'created' | 'updated' | 'deleted';
    id: string;
  },
  before: T | null,
  after: T | null,
  summary: (item: T) => Record<string, unknown>,
): Promise<void> {
  return audit.record({
    workspaceId: caller.workspaceId,
    actor: caller.actor,
    action: `${change.type}.${change.verb}`,
    target: { type: change.type, id: change.id },
    before: before && summary(before),
    after: after && summary(after),
  });
}

export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<DoorRequest>();
  if (request.member) {
    const { workspaceId, accountId, email } = request.member;
    return { workspaceId, actor: accountActor({ id: accountId, email }) } satisfies CallerInfo;
  }
  if (request.environment) {
    return {
      workspaceId: request.environment.workspaceId,
      actor: keyActor(request.environment),
    } satisfies CallerInfo;
  }
  throw new AppError('unauthenticated');
});

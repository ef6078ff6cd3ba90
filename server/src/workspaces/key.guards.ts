import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  createParamDecorator,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../common/app-error';
import type { Environment } from './environment.entity';
import { WorkspacesService } from './workspaces.service';

type KeyedRequest = FastifyRequest & { environment?: Environment };

/**
 * SDK routes: the public key in `x-waymark-key`, or in `?key=` for `navigator.sendBeacon`, which
 * cannot set headers.
 */
@Injectable()
export class SdkKeyGuard implements CanActivate {
  constructor(private readonly workspaces: WorkspacesService) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const request = context.switchToHttp().getRequest<KeyedRequest>();
    const resolved = resolveSdkKey(this.workspaces, request);
    return resolved instanceof Promise ? resolved.then(() => true) : true;
  }
}

/**
 * What SdkKeyGuard does, for routes registered on Fastify directly (the session hot path):
 * resolves the request's SDK key (401 `invalid_key` otherwise), sets `request.environment` and
 * notes the key as seen. Synchronous when the lookup is in memory (cached; dropped on rotation
 * on every instance).
 */
export function resolveSdkKey(
  workspaces: WorkspacesService,
  request: FastifyRequest,
): Environment | Promise<Environment> {
  const key = sdkKeyOf(request);
  if (!key) throw new AppError('invalid_key', 'Send the SDK key in the x-waymark-key header.');
  const accept = (environment: Environment): Environment => {
    (request as KeyedRequest).environment = environment;
    workspaces.sdkKeySeen(environment);
    return environment;
  };
  const known = workspaces.peekSdkKey(key);
  if (known) return accept(known);
  return workspaces.findBySdkKey(key).then((environment) => {
    if (!environment) throw new AppError('invalid_key');
    return accept(environment);
  });
}

/** The SDK key of a request: `x-waymark-key`, else `?key=`. */
export function sdkKeyOf(request: FastifyRequest): string | undefined {
  const header = request.headers['x-waymark-key'];
  if (typeof header === 'string') return header;
  const query = (request.query as Record<string, unknown> | undefined)?.key;
  return typeof query === 'string' ? query : undefined;
}

/** Server-to-server routes: the secret key as a Bearer token. */
@Injectable()
export class SecretKeyGuard implements CanActivate {
  constructor(private readonly workspaces: WorkspacesService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<KeyedRequest>();
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match?.[1])
      throw new AppError('unauthenticated', 'Send the secret key as a Bearer token.');
    const environment = await this.workspaces.findBySecretKey(match[1]);
    if (!environment) throw new AppError('invalid_key');
    request.environment = environment;
    return true;
  }
}

/** The environment (and so the workspace) a key guard resolved. */
export const KeyEnvironment = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const environment = context.switchToHttp().getRequest<KeyedRequest>().environment;
  if (!environment) throw new AppError('invalid_key');
  return environment;
});

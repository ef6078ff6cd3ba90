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

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<KeyedRequest>();
    const header = request.headers['x-waymark-key'];
    const query = (request.query as Record<string, unknown> | undefined)?.key;
    const key = typeof header === 'string' ? header : typeof query === 'string' ? query : undefined;
    if (!key) throw new AppError('invalid_key', 'Send the SDK key in the x-waymark-key header.');
    const environment = await this.workspaces.findBySdkKey(key);
    if (!environment) throw new AppError('invalid_key');
    request.environment = environment;
    return true;
  }
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

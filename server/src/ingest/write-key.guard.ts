import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../common/app-error';
import type { Environment } from '../workspaces/environment.entity';
import { WorkspacesService } from '../workspaces/workspaces.service';

type KeyedRequest = FastifyRequest & { environment?: Environment };

const CACHE_TTL_MS = 30_000;

/**
 * The write key of a Segment call: Basic auth `base64(writeKey + ':')`, a Bearer token (as every
 * other secret-key route), else `writeKey` in the body.
 */
export function writeKeyOf(request: FastifyRequest): string | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (bearer?.[1]) return bearer[1];
  const match = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (match?.[1]) {
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const key = decoded.includes(':') ? decoded.slice(0, decoded.indexOf(':')) : decoded;
    if (key) return key;
  }
  const body = request.body as { writeKey?: unknown } | null | undefined;
  return typeof body?.writeKey === 'string' && body.writeKey ? body.writeKey : null;
}

/**
 * Segment-compatible ingestion: the workspace's secret key is the write key. Lookups are cached
 * for 30 s (ingestion is hot; a revoked key stops working within that time).
 */
@Injectable()
export class WriteKeyGuard implements CanActivate {
  private readonly cache = new Map<string, { environment: Environment | null; at: number }>();

  constructor(private readonly workspaces: WorkspacesService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<KeyedRequest>();
    const key = writeKeyOf(request);
    if (!key) {
      throw new AppError('unauthenticated', 'Send the write key with Basic auth or as writeKey.');
    }
    const now = Date.now();
    let hit = this.cache.get(key);
    if (!hit || now - hit.at > CACHE_TTL_MS) {
      hit = { environment: await this.workspaces.findBySecretKey(key), at: now };
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(key, hit);
    }
    if (!hit.environment) throw new AppError('invalid_key');
    request.environment = hit.environment;
    return true;
  }
}

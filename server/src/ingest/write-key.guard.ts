import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../common/app-error';
import { ConfigChanges, KEYS_CHANNEL } from '../content/config-changes';
import type { Environment } from '../workspaces/environment.entity';
import { WorkspacesService } from '../workspaces/workspaces.service';

type KeyedRequest = FastifyRequest & { environment?: Environment };

/** Trusted this long while invalidation is live (a safety net only)… */
const MAX_AGE_MS = 5 * 60_000;
/** …and this long while it is not (a rotation may be missed), or for a key that matched nothing. */
const DEAF_MAX_AGE_MS = 1000;
/** Distinct keys held at most (a flood of keys cannot grow memory without bound). */
const MAX_ENTRIES = 10_000;

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
 * in memory (ingestion is hot) and dropped per workspace when its keys change: the triggers'
 * NOTIFY `waymark_keys` (ConfigChanges) reaches every instance at commit, so a rotated or
 * deleted secret key is refused at once. While that listener is down, entries live one second.
 */
@Injectable()
export class WriteKeyGuard implements CanActivate, OnModuleInit, OnModuleDestroy {
  private readonly cache = new Map<string, { environment: Environment | null; at: number }>();
  private live = false;
  /** Bumped by every invalidation: a lookup that started before one is not kept. */
  private generation = 0;
  private readonly unsubscribe: Array<() => void> = [];

  constructor(
    private readonly workspaces: WorkspacesService,
    private readonly changes: ConfigChanges,
  ) {}

  onModuleInit(): void {
    this.unsubscribe.push(
      this.changes.on(KEYS_CHANNEL, (workspaceId) => this.forgetWorkspace(workspaceId)),
      // This instance's own rotations at once, whenever the NOTIFY comes back.
      this.workspaces.onKeysChanged((workspaceId) => this.forgetWorkspace(workspaceId)),
      this.changes.onState((live) => {
        this.live = live;
        this.generation++;
        this.cache.clear();
      }),
    );
  }

  onModuleDestroy(): void {
    for (const off of this.unsubscribe.splice(0)) off();
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<KeyedRequest>();
    const key = writeKeyOf(request);
    if (!key) {
      throw new AppError('unauthenticated', 'Send the write key with Basic auth or as writeKey.');
    }
    const environment = await this.lookup(key);
    if (!environment) throw new AppError('invalid_key');
    request.environment = environment;
    return true;
  }

  private async lookup(key: string): Promise<Environment | null> {
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < this.maxAge(hit.environment)) return hit.environment;
    const generation = this.generation;
    const at = Date.now();
    const environment = await this.workspaces.findBySecretKey(key);
    // A change heard while the lookup ran may postdate what it read: use it once, keep nothing.
    if (generation === this.generation) {
      if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
      this.cache.set(key, { environment, at });
    }
    return environment;
  }

  private maxAge(environment: Environment | null): number {
    return this.live && environment ? MAX_AGE_MS : DEAF_MAX_AGE_MS;
  }

  private forgetWorkspace(workspaceId: string): void {
    this.generation++;
    for (const [key, entry] of this.cache) {
      if (entry.environment?.workspaceId === workspaceId) this.cache.delete(key);
    }
  }
}

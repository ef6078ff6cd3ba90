import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Environment as EnvironmentDto, EnvironmentWithSecret } from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import { type EntityManager, QueryFailedError, Repository } from 'typeorm';
import { accountActor, AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { randomToken, sha256 } from '../common/tokens';
import { Environment } from './environment.entity';
import { SdkKeyCache, type ResolvedSdkKey } from './sdk-key.cache';

type Actor = { id: string; email: string };

export const newSdkKey = (): string => randomToken('wm_pk_', 18);
export const newSecretKey = (): string => randomToken('wm_sk_', 24);
const hintOf = (secretKey: string): string => `…${secretKey.slice(-4)}`;
/** Enough of the public SDK key to tell it apart in the audit log. */
const sdkKeyHint = (sdkKey: string): string => `${sdkKey.slice(0, 10)}…`;
/** `sdk_last_seen_at` is stamped at most this often per environment (and instance). */
const SEEN_EVERY_MS = 60_000;

/**
 * Environments and their keys. The SDK key is public (it ships in the snippet); the secret key is
 * stored as a SHA-256 hash and shown once, when made. Rotation replaces a key in one UPDATE: the
 * old one stops resolving with the next request — key lookups are cached (`sdkKeys` here, write
 * keys in the ingest module), and the caches are dropped on this instance at once after commit
 * (`keysChanged`, which `onKeysChanged` listeners hear) and on every other one by NOTIFY.
 */
@Injectable()
export class EnvironmentsService {
  private readonly log = new Logger('EnvironmentsService');
  /** SDK key → environment and identity settings (see SdkKeyCache). */
  readonly sdkKeys = new SdkKeyCache((sdkKey) => this.resolveSdkKey(sdkKey));
  /** Environment id → when this instance last stamped `sdk_last_seen_at`. */
  private readonly stamped = new Map<string, number>();
  /** Told the workspace id after this instance changed its keys (see `onKeysChanged`). */
  private readonly keyListeners = new Set<(workspaceId: string) => void>();

  constructor(
    @InjectRepository(Environment) private readonly environments: Repository<Environment>,
    private readonly audit: AuditService,
  ) {}

  /** Resolves a public SDK key, with its workspace's identity settings, in one query. */
  async resolveSdkKey(sdkKey: string): Promise<ResolvedSdkKey | null> {
    const rows = (await this.environments.query(
      `SELECT e.workspace_id, e.id, e.name, e.sdk_key, e.secret_key_hash, e.secret_key_hint,
              e.created_at, e.sdk_last_seen_at, w.identity_secret, w.require_identity_verification
         FROM environments e JOIN workspaces w ON w.id = e.workspace_id
        WHERE e.sdk_key = $1`,
      [sdkKey],
    )) as Array<Record<string, unknown>>;
    const row = rows[0];
    if (!row) return null;
    const environment = this.environments.create({
      workspaceId: row.workspace_id as string,
      id: row.id as string,
      name: row.name as string,
      sdkKey: row.sdk_key as string,
      secretKeyHash: row.secret_key_hash as string,
      secretKeyHint: row.secret_key_hint as string,
      createdAt: row.created_at as Date,
      sdkLastSeenAt: row.sdk_last_seen_at as Date | null,
    });
    const identity = {
      secret: row.identity_secret as string,
      required: row.require_identity_verification as boolean,
    };
    return { environment, identity };
  }

  /**
   * Notes that an SDK request with this environment's key arrived: `sdk_last_seen_at`, at most
   * once a minute per environment, in the background (the request does not wait; a failure is
   * logged and retried with a later request).
   */
  sdkKeySeen(environment: Environment): void {
    const now = Date.now();
    const last = this.stamped.get(environment.id);
    if (last !== undefined && now - last < SEEN_EVERY_MS) return;
    if (this.stamped.size >= 10_000) this.stamped.clear();
    this.stamped.set(environment.id, now);
    this.environments
      .query(
        `UPDATE environments SET sdk_last_seen_at = now()
          WHERE workspace_id = $1 AND id = $2
            AND (sdk_last_seen_at IS NULL OR sdk_last_seen_at < now() - interval '1 minute')`,
        [environment.workspaceId, environment.id],
      )
      .catch((error: unknown) => {
        this.stamped.delete(environment.id);
        this.log.warn(`could not stamp sdk_last_seen_at: ${String(error)}`);
      });
  }

  /**
   * Calls `listener` with the workspace id right after this instance commits a change to its
   * keys, before the rotation answers: a cache of key lookups drops them at once, without
   * waiting for NOTIFY `waymark_keys` (which may be late). Returns the unsubscribe.
   */
  onKeysChanged(listener: (workspaceId: string) => void): () => void {
    this.keyListeners.add(listener);
    return () => this.keyListeners.delete(listener);
  }

  async list(workspaceId: string): Promise<EnvironmentDto[]> {
    const rows = await this.environments.find({
      where: { workspaceId },
      order: { createdAt: 'ASC', name: 'ASC' },
    });
    return rows.map(toDto);
  }

  /** production and staging, for a new workspace; their secret keys are never shown. */
  createDefaults(tx: EntityManager, workspaceId: string): Promise<Environment[]> {
    return Promise.all(
      ['production', 'staging'].map(async (name) => (await this.insert(tx, workspaceId, name)).row),
    );
  }

  async create(workspaceId: string, name: string, actor: Actor): Promise<EnvironmentWithSecret> {
    try {
      return await this.environments.manager.transaction(async (tx) => {
        const { row, secretKey } = await this.insert(tx, workspaceId, name);
        await this.record(tx, row, actor, 'environment.created', null, { name });
        return { environment: toDto(row), secretKey };
      });
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { code?: string }).code === '23505'
      ) {
        throw new AppError('conflict', `This workspace already has an environment named ${name}.`);
      }
      throw error;
    }
  }

  async rotateSdkKey(
    workspaceId: string,
    environmentId: string,
    actor: Actor,
  ): Promise<EnvironmentDto> {
    const rotated = await this.environments.manager.transaction(async (tx) => {
      const before = await this.locked(tx, workspaceId, environmentId);
      const sdkKey = newSdkKey();
      await tx.getRepository(Environment).update({ workspaceId, id: environmentId }, { sdkKey });
      const after = { ...before, sdkKey };
      await this.record(
        tx,
        after,
        actor,
        'environment.sdk_key_rotated',
        { sdkKey: sdkKeyHint(before.sdkKey) },
        { sdkKey: sdkKeyHint(sdkKey) },
      );
      return toDto(after);
    });
    this.keysChanged(workspaceId);
    return rotated;
  }

  async rotateSecretKey(
    workspaceId: string,
    environmentId: string,
    actor: Actor,
  ): Promise<EnvironmentWithSecret> {
    const rotated = await this.environments.manager.transaction(async (tx) => {
      const before = await this.locked(tx, workspaceId, environmentId);
      const secretKey = newSecretKey();
      const change = { secretKeyHash: sha256(secretKey), secretKeyHint: hintOf(secretKey) };
      await tx.getRepository(Environment).update({ workspaceId, id: environmentId }, change);
      const after = { ...before, ...change };
      await this.record(
        tx,
        after,
        actor,
        'environment.secret_key_rotated',
        { secretKey: before.secretKeyHint },
        { secretKey: after.secretKeyHint },
      );
      return { environment: toDto(after), secretKey };
    });
    this.keysChanged(workspaceId);
    return rotated;
  }

  /** After commit: this instance's key caches now; others' when the trigger's NOTIFY arrives. */
  private keysChanged(workspaceId: string): void {
    this.sdkKeys.forgetWorkspace(workspaceId);
    for (const listener of this.keyListeners) listener(workspaceId);
  }

  private async insert(tx: EntityManager, workspaceId: string, name: string) {
    const secretKey = newSecretKey();
    const row = tx.getRepository(Environment).create({
      workspaceId,
      id: randomUUID(),
      name,
      sdkKey: newSdkKey(),
      secretKeyHash: sha256(secretKey),
      secretKeyHint: hintOf(secretKey),
    });
    // insert() writes the database-made created_at back onto `row` (RETURNING).
    await tx.getRepository(Environment).insert(row);
    return { row, secretKey };
  }

  private async locked(
    tx: EntityManager,
    workspaceId: string,
    environmentId: string,
  ): Promise<Environment> {
    const row = await tx.getRepository(Environment).findOne({
      where: { workspaceId, id: environmentId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!row) throw new AppError('not_found', 'No such environment.');
    return row;
  }

  private record(
    tx: EntityManager,
    environment: Environment,
    actor: Actor,
    action: string,
    before: Record<string, unknown> | null,
    after: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(
      {
        workspaceId: environment.workspaceId,
        actor: accountActor(actor),
        action,
        target: { type: 'environment', id: environment.id },
        before: before && { environment: environment.name, ...before },
        after: { environment: environment.name, ...after },
      },
      tx,
    );
  }
}

function toDto(row: Environment): EnvironmentDto {
  return {
    id: row.id,
    name: row.name,
    sdkKey: row.sdkKey,
    secretKeyHint: row.secretKeyHint,
    createdAt: row.createdAt.toISOString(),
    sdkLastSeenAt: row.sdkLastSeenAt?.toISOString() ?? null,
  };
}

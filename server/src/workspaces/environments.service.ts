import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Environment as EnvironmentDto, EnvironmentWithSecret } from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import { type EntityManager, QueryFailedError, Repository } from 'typeorm';
import { accountActor, AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { randomToken, sha256 } from '../common/tokens';
import { Environment } from './environment.entity';

type Actor = { id: string; email: string };

export const newSdkKey = (): string => randomToken('wm_pk_', 18);
export const newSecretKey = (): string => randomToken('wm_sk_', 24);
const hintOf = (secretKey: string): string => `…${secretKey.slice(-4)}`;
/** Enough of the public SDK key to tell it apart in the audit log. */
const sdkKeyHint = (sdkKey: string): string => `${sdkKey.slice(0, 10)}…`;

/**
 * Environments and their keys. The SDK key is public (it ships in the snippet); the secret key is
 * stored as a SHA-256 hash and shown once, when made. Rotation replaces a key in one UPDATE: the
 * old one stops resolving with the next request (key lookups are not cached).
 */
@Injectable()
export class EnvironmentsService {
  constructor(
    @InjectRepository(Environment) private readonly environments: Repository<Environment>,
    private readonly audit: AuditService,
  ) {}

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
    return this.environments.manager.transaction(async (tx) => {
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
  }

  async rotateSecretKey(
    workspaceId: string,
    environmentId: string,
    actor: Actor,
  ): Promise<EnvironmentWithSecret> {
    return this.environments.manager.transaction(async (tx) => {
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
  };
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Workspace as WorkspaceDto, WorkspaceSummary, WorkspaceUpdate } from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import { type EntityManager, Repository } from 'typeorm';
import { accountActor, AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { randomToken, sha256 } from '../common/tokens';
import { EnvironmentsService } from './environments.service';
import { Environment } from './environment.entity';
import { verifyUserHash } from './identity-hash';
import { Membership, type Role } from './membership.entity';
import type { IdentitySettings } from './sdk-key.cache';
import { Workspace } from './workspace.entity';

export const newIdentitySecret = (): string => randomToken('wm_is_', 32);

@Injectable()
export class WorkspacesService {
  /**
   * Identity settings of workspaces whose SDK key was resolved on this instance, set by every
   * `findBySdkKey` from the same (cached) lookup, so `verifyIdentity` is synchronous and never
   * older than the request's own key lookup.
   */
  private readonly identity = new Map<string, IdentitySettings>();

  constructor(
    @InjectRepository(Workspace) private readonly workspaces: Repository<Workspace>,
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
    @InjectRepository(Environment) private readonly environments: Repository<Environment>,
    private readonly environmentsService: EnvironmentsService,
    private readonly audit: AuditService,
  ) {}

  async forAccount(accountId: string): Promise<WorkspaceSummary[]> {
    const rows = await this.memberships
      .createQueryBuilder('m')
      .innerJoin(Workspace, 'w', 'w.id = m.workspace_id')
      .select(['w.id AS id', 'w.name AS name', 'm.role AS role'])
      .where('m.account_id = :accountId', { accountId })
      .orderBy('w.name')
      .addOrderBy('w.id')
      .getRawMany<WorkspaceSummary>();
    return rows;
  }

  /** The caller's role, or null when not a member (or no such workspace). */
  async findRole(accountId: string, workspaceId: string): Promise<Role | null> {
    const membership = await this.memberships.findOneBy({ accountId, workspaceId });
    return membership?.role ?? null;
  }

  /**
   * The caller's role in a workspace. A workspace the caller is not a member of answers 404, the
   * same as one that does not exist, so existence does not leak across tenants.
   */
  async roleOf(accountId: string, workspaceId: string): Promise<Role> {
    const role = await this.findRole(accountId, workspaceId);
    if (!role) throw new AppError('not_found', 'No such workspace.');
    return role;
  }

  /**
   * A workspace with `owner` as its owner and production and staging environments, inside the
   * caller's transaction (sign-up creates the account in the same one).
   */
  async createWithOwner(
    tx: EntityManager,
    name: string,
    owner: { id: string; email: string },
  ): Promise<Workspace> {
    const workspace = tx.getRepository(Workspace).create({
      id: randomUUID(),
      name,
      identitySecret: newIdentitySecret(),
      requireIdentityVerification: false,
    });
    await tx.getRepository(Workspace).insert(workspace);
    await tx
      .getRepository(Membership)
      .insert({ workspaceId: workspace.id, accountId: owner.id, role: 'owner' });
    const environments = await this.environmentsService.createDefaults(tx, workspace.id);
    await this.audit.record(
      {
        workspaceId: workspace.id,
        actor: accountActor(owner),
        action: 'workspace.created',
        target: { type: 'workspace', id: workspace.id },
        after: { name, environments: environments.map((e) => e.name) },
      },
      tx,
    );
    return workspace;
  }

  /** A further workspace for a signed-in account, which becomes its owner. */
  async create(name: string, owner: { id: string; email: string }): Promise<WorkspaceDto> {
    const workspace = await this.workspaces.manager.transaction((tx) =>
      this.createWithOwner(tx, name, owner),
    );
    return this.get(workspace.id, 'owner');
  }

  async get(workspaceId: string, role: Role): Promise<WorkspaceDto> {
    const workspace = await this.workspaces.findOneBy({ id: workspaceId });
    if (!workspace) throw new AppError('not_found', 'No such workspace.');
    return toDto(workspace, role);
  }

  async update(
    workspaceId: string,
    change: WorkspaceUpdate,
    actor: { id: string; email: string; role: Role },
  ): Promise<WorkspaceDto> {
    const updated = await this.workspaces.manager.transaction(async (tx) => {
      const repo = tx.getRepository(Workspace);
      const before = await repo.findOne({
        where: { id: workspaceId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!before) throw new AppError('not_found', 'No such workspace.');
      const fields = definedOnly(change);
      const after: Workspace = { ...before, ...fields };
      // An empty change is valid (nothing to do); TypeORM refuses an UPDATE with no values.
      if (Object.keys(fields).length > 0) await repo.update({ id: workspaceId }, fields);
      await this.audit.record(
        {
          workspaceId,
          actor: accountActor(actor),
          action: 'workspace.updated',
          target: { type: 'workspace', id: workspaceId },
          before: pick(before, fields),
          after: pick(after, fields),
        },
        tx,
      );
      return toDto(after, actor.role);
    });
    // This instance at once; the others when the trigger's NOTIFY reaches them.
    this.forgetKeys(workspaceId);
    return updated;
  }

  async identitySecret(workspaceId: string): Promise<string> {
    const workspace = await this.workspaces.findOneBy({ id: workspaceId });
    if (!workspace) throw new AppError('not_found', 'No such workspace.');
    return workspace.identitySecret;
  }

  async rotateIdentitySecret(
    workspaceId: string,
    actor: { id: string; email: string },
  ): Promise<string> {
    const secret = newIdentitySecret();
    await this.workspaces.manager.transaction(async (tx) => {
      await tx.getRepository(Workspace).update({ id: workspaceId }, { identitySecret: secret });
      await this.audit.record(
        {
          workspaceId,
          actor: accountActor(actor),
          action: 'workspace.identity_secret_rotated',
          target: { type: 'workspace', id: workspaceId },
        },
        tx,
      );
    });
    this.forgetKeys(workspaceId);
    return secret;
  }

  /**
   * Resolves a public SDK key (cached: see `EnvironmentsService.sdkKeys`) and keeps its
   * workspace's identity settings for `verifyIdentity`.
   */
  async findBySdkKey(sdkKey: string): Promise<Environment | null> {
    const keys = this.environmentsService.sdkKeys;
    const resolved = keys.peek(sdkKey) ?? (await keys.get(sdkKey));
    if (!resolved) return null;
    this.identity.set(resolved.environment.workspaceId, resolved.identity);
    return resolved.environment;
  }

  /** `findBySdkKey` without waiting, when the key is in memory; undefined otherwise. */
  peekSdkKey(sdkKey: string): Environment | undefined {
    const resolved = this.environmentsService.sdkKeys.peek(sdkKey);
    if (!resolved) return undefined;
    this.identity.set(resolved.environment.workspaceId, resolved.identity);
    return resolved.environment;
  }

  /** Stamps the environment's `sdkLastSeenAt` in the background (throttled). */
  sdkKeySeen(environment: Environment): void {
    this.environmentsService.sdkKeySeen(environment);
  }

  /**
   * Forgets the workspace's cached key lookups and identity settings: after its own changes,
   * and when another instance's reach this one (NOTIFY `waymark_keys`, wired by the SDK module).
   */
  forgetKeys(workspaceId: string): void {
    this.identity.delete(workspaceId);
    this.environmentsService.sdkKeys.forgetWorkspace(workspaceId);
  }

  /** Calls `listener` with the workspace id once this instance has rotated one of its keys. */
  onKeysChanged(listener: (workspaceId: string) => void): () => void {
    return this.environmentsService.onKeysChanged(listener);
  }

  /** Whether cross-instance key invalidation is live (the SDK module's change listener). */
  setKeyInvalidationLive(live: boolean): void {
    this.environmentsService.sdkKeys.setLive(live);
  }

  findBySecretKey(secretKey: string): Promise<Environment | null> {
    return this.environments.findOneBy({ secretKeyHash: sha256(secretKey) });
  }

  /**
   * Whether `userHash` is HMAC-SHA256(userId, the workspace's identity secret), hex. For the SDK
   * path: call after SdkKeyGuard resolved the key on this request (that loads the secret).
   * Fails closed (false) when the workspace's settings are not loaded.
   */
  verifyIdentity(workspaceId: string, userId: string, userHash: string | undefined): boolean {
    const settings = this.identity.get(workspaceId);
    return !!settings && !!userHash && verifyUserHash(settings.secret, userId, userHash);
  }

  /** Whether the workspace refuses unverified user ids; true (fail closed) when not loaded. */
  requiresIdentityVerification(workspaceId: string): boolean {
    return this.identity.get(workspaceId)?.required ?? true;
  }

  /** Loads identity settings outside the SDK key path (e.g. a cached key lookup). */
  async loadIdentity(workspaceId: string): Promise<void> {
    const workspace = await this.workspaces.findOneBy({ id: workspaceId });
    if (!workspace) return;
    this.identity.set(workspaceId, {
      secret: workspace.identitySecret,
      required: workspace.requireIdentityVerification,
    });
  }
}

function toDto(workspace: Workspace, role: Role): WorkspaceDto {
  return {
    id: workspace.id,
    name: workspace.name,
    role,
    requireIdentityVerification: workspace.requireIdentityVerification,
    appUrl: workspace.appUrl,
    eventRetentionDays: workspace.eventRetentionDays,
    createdAt: workspace.createdAt.toISOString(),
  };
}

const definedOnly = (change: WorkspaceUpdate): Partial<Workspace> =>
  Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));

/** The changed fields only, for the audit summary (the entity's secret is never among them). */
const pick = (workspace: Workspace, fields: Partial<Workspace>): Record<string, unknown> =>
  Object.fromEntries(Object.keys(fields).map((key) => [key, workspace[key as keyof Workspace]]));

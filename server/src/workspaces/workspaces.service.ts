import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { WorkspaceSummary } from '@waymark/shared';
import { Repository } from 'typeorm';
import { AppError } from '../common/app-error';
import { sha256 } from '../common/tokens';
import { Environment } from './environment.entity';
import { Membership, type Role } from './membership.entity';
import { Workspace } from './workspace.entity';

@Injectable()
export class WorkspacesService {
  constructor(
    @InjectRepository(Workspace) private readonly workspaces: Repository<Workspace>,
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
    @InjectRepository(Environment) private readonly environments: Repository<Environment>,
  ) {}

  async forAccount(accountId: string): Promise<WorkspaceSummary[]> {
    const rows = await this.memberships
      .createQueryBuilder('m')
      .innerJoin(Workspace, 'w', 'w.id = m.workspace_id')
      .select(['w.id AS id', 'w.name AS name', 'm.role AS role'])
      .where('m.account_id = :accountId', { accountId })
      .orderBy('w.name')
      .getRawMany<WorkspaceSummary>();
    return rows;
  }

  /**
   * The caller's role in a workspace. A workspace the caller is not a member of answers 404, the
   * same as one that does not exist, so existence does not leak across tenants.
   */
  async roleOf(accountId: string, workspaceId: string): Promise<Role> {
    const membership = await this.memberships.findOneBy({ accountId, workspaceId });
    if (!membership) throw new AppError('not_found', 'No such workspace.');
    return membership.role;
  }

  findBySdkKey(sdkKey: string): Promise<Environment | null> {
    return this.environments.findOneBy({ sdkKey });
  }

  findBySecretKey(secretKey: string): Promise<Environment | null> {
    return this.environments.findOneBy({ secretKeyHash: sha256(secretKey) });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Member } from '@waymark/shared';
import { type EntityManager, Repository } from 'typeorm';
import { accountActor, AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { Membership, type Role } from './membership.entity';
import type { WorkspaceMember } from './require-role.decorator';

interface MemberRow {
  account_id: string;
  email: string;
  role: Role;
  created_at: Date;
}

const toMember = (row: MemberRow): Member => ({
  accountId: row.account_id,
  email: row.email,
  role: row.role,
  joinedAt: row.created_at.toISOString(),
});

const actorOf = (member: WorkspaceMember) =>
  accountActor({ id: member.accountId, email: member.email });

@Injectable()
export class MembersService {
  constructor(
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
    private readonly audit: AuditService,
  ) {}

  async list(workspaceId: string): Promise<Member[]> {
    const rows = (await this.memberships.query(
      `SELECT m.account_id, a.email, m.role, m.created_at
         FROM memberships m JOIN accounts a ON a.id = m.account_id
        WHERE m.workspace_id = $1
        ORDER BY m.created_at, a.email`,
      [workspaceId],
    )) as MemberRow[];
    return rows.map(toMember);
  }

  /** Adds a member inside the caller's transaction (invitation acceptance). */
  async add(
    tx: EntityManager,
    workspaceId: string,
    accountId: string,
    role: Role,
  ): Promise<Member> {
    const rows = (await tx.query(
      `WITH m AS (
         INSERT INTO memberships (workspace_id, account_id, role) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING account_id, role, created_at)
       SELECT m.account_id, a.email, m.role, m.created_at FROM m JOIN accounts a ON a.id = m.account_id`,
      [workspaceId, accountId, role],
    )) as MemberRow[];
    if (!rows[0]) throw new AppError('conflict', 'You are already a member of this workspace.');
    return toMember(rows[0]);
  }

  async changeRole(
    workspaceId: string,
    accountId: string,
    role: Role,
    actor: WorkspaceMember,
  ): Promise<Member> {
    return this.memberships.manager.transaction(async (tx) => {
      const members = await this.lockAll(tx, workspaceId);
      const target = members.find((m) => m.account_id === accountId);
      if (!target) throw new AppError('not_found', 'No such member.');
      if (target.role === 'owner' && role !== 'owner') assertAnotherOwner(members);
      await tx.query(
        'UPDATE memberships SET role = $3 WHERE workspace_id = $1 AND account_id = $2',
        [workspaceId, accountId, role],
      );
      await this.audit.record(
        {
          workspaceId,
          actor: actorOf(actor),
          action: 'member.role_changed',
          target: { type: 'member', id: accountId },
          before: { email: target.email, role: target.role },
          after: { email: target.email, role },
        },
        tx,
      );
      return toMember({ ...target, role });
    });
  }

  /** Owners remove anyone; every member may remove (leave) themselves. */
  async remove(workspaceId: string, accountId: string, actor: WorkspaceMember): Promise<void> {
    const leaving = actor.accountId === accountId;
    if (!leaving && actor.role !== 'owner') {
      throw new AppError('forbidden', 'Only owners remove other members.');
    }
    await this.memberships.manager.transaction(async (tx) => {
      const members = await this.lockAll(tx, workspaceId);
      const target = members.find((m) => m.account_id === accountId);
      if (!target) throw new AppError('not_found', 'No such member.');
      if (target.role === 'owner') assertAnotherOwner(members);
      await tx.query('DELETE FROM memberships WHERE workspace_id = $1 AND account_id = $2', [
        workspaceId,
        accountId,
      ]);
      await this.audit.record(
        {
          workspaceId,
          actor: actorOf(actor),
          action: leaving ? 'member.left' : 'member.removed',
          target: { type: 'member', id: accountId },
          before: { email: target.email, role: target.role },
        },
        tx,
      );
    });
  }

  /** Every membership row of the workspace, locked: role changes serialise per workspace. */
  private async lockAll(tx: EntityManager, workspaceId: string): Promise<MemberRow[]> {
    return (await tx.query(
      `SELECT m.account_id, a.email, m.role, m.created_at
         FROM memberships m JOIN accounts a ON a.id = m.account_id
        WHERE m.workspace_id = $1 FOR UPDATE OF m`,
      [workspaceId],
    )) as MemberRow[];
  }
}

function assertAnotherOwner(members: MemberRow[]): void {
  if (members.filter((m) => m.role === 'owner').length < 2) {
    throw new AppError(
      'conflict',
      'A workspace needs at least one owner; make someone else owner first.',
    );
  }
}

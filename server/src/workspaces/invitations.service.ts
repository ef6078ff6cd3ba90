import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Invitation as InvitationDto, InvitationCreated, Member } from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { accountActor, AuditService } from '../audit/audit.service';
import { MAIL_TRANSPORT, type MailTransport } from '../auth/mail-transport';
import { AppError } from '../common/app-error';
import { randomToken, sha256 } from '../common/tokens';
import { type Config, publicUrlOf } from '../config/config';
import { CONFIG } from '../config/config.module';
import { Invitation } from './invitation.entity';
import type { Role } from './membership.entity';
import { MembersService } from './members.service';
import type { WorkspaceMember } from './require-role.decorator';
import { Workspace } from './workspace.entity';

export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

const invalid = (): AppError =>
  new AppError('not_found', 'This invitation is invalid, used or expired.');

@Injectable()
export class InvitationsService {
  constructor(
    @InjectRepository(Invitation) private readonly invitations: Repository<Invitation>,
    private readonly members: MembersService,
    private readonly audit: AuditService,
    @Inject(MAIL_TRANSPORT) private readonly mail: MailTransport,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** Invitations not yet accepted (expired ones too, so the builder can offer to resend). */
  async list(workspaceId: string): Promise<InvitationDto[]> {
    const rows = await this.invitations.find({
      where: { workspaceId, acceptedAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
    return this.withInviters(rows);
  }

  /** Replaces any pending invitation of the same address; mails the link and returns it once. */
  async create(
    workspaceId: string,
    email: string,
    role: Role,
    actor: WorkspaceMember,
  ): Promise<InvitationCreated> {
    const token = randomToken('wm_inv_', 32);
    const invitation = await this.invitations.manager.transaction(async (tx) => {
      const [member] = (await tx.query(
        `SELECT 1 FROM memberships m JOIN accounts a ON a.id = m.account_id
          WHERE m.workspace_id = $1 AND lower(a.email) = lower($2)`,
        [workspaceId, email],
      )) as unknown[];
      if (member) throw new AppError('conflict', `${email} is already a member of this workspace.`);
      await tx.query(
        'DELETE FROM invitations WHERE workspace_id = $1 AND lower(email) = lower($2) AND accepted_at IS NULL',
        [workspaceId, email],
      );
      const row = tx.getRepository(Invitation).create({
        workspaceId,
        id: randomUUID(),
        email,
        role,
        tokenHash: sha256(token),
        invitedBy: actor.accountId,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
        acceptedAt: null,
        acceptedBy: null,
      });
      await tx.getRepository(Invitation).insert(row);
      await this.audit.record(
        {
          workspaceId,
          actor: accountActor({ id: actor.accountId, email: actor.email }),
          action: 'invitation.created',
          target: { type: 'invitation', id: row.id },
          after: { email, role },
        },
        tx,
      );
      return row;
    });
    const workspace = await this.invitations.manager.findOneBy(Workspace, { id: workspaceId });
    const url = `${publicUrlOf(this.config)}/invite?workspace=${workspaceId}&token=${token}`;
    await this.mail.send({
      to: email,
      subject: `${actor.email} invited you to ${workspace?.name ?? 'a workspace'} on Waymark`,
      text: `Join as ${role}: ${url}\nThe link works once and expires in 7 days.`,
      link: url,
    });
    const [dto] = await this.withInviters([invitation]);
    return { invitation: dto!, token, url };
  }

  async revoke(workspaceId: string, invitationId: string, actor: WorkspaceMember): Promise<void> {
    await this.invitations.manager.transaction(async (tx) => {
      const rows = (await tx.query(
        `DELETE FROM invitations WHERE workspace_id = $1 AND id = $2 AND accepted_at IS NULL
         RETURNING email, role`,
        [workspaceId, invitationId],
      )) as [Array<{ email: string; role: Role }>, number];
      const removed = rows[0][0];
      if (!removed) throw new AppError('not_found', 'No such invitation.');
      await this.audit.record(
        {
          workspaceId,
          actor: accountActor({ id: actor.accountId, email: actor.email }),
          action: 'invitation.revoked',
          target: { type: 'invitation', id: invitationId },
          before: { email: removed.email, role: removed.role },
        },
        tx,
      );
    });
  }

  /**
   * Joins the workspace. The token must be pending and unexpired, and the signed-in account's
   * email the invited one, so a forwarded or leaked link is useless to anyone else.
   */
  async accept(
    workspaceId: string,
    token: string,
    account: { id: string; email: string },
  ): Promise<Member> {
    return this.invitations.manager.transaction(async (tx) => {
      const invitation = await tx.getRepository(Invitation).findOne({
        where: { workspaceId, tokenHash: sha256(token), acceptedAt: IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      if (!invitation || invitation.expiresAt.getTime() <= Date.now()) throw invalid();
      if (invitation.email.toLowerCase() !== account.email.toLowerCase()) {
        throw new AppError(
          'forbidden',
          'This invitation is for another email address; sign in with that one.',
        );
      }
      const member = await this.members.add(tx, workspaceId, account.id, invitation.role);
      await tx
        .getRepository(Invitation)
        .update(
          { workspaceId, id: invitation.id },
          { acceptedAt: new Date(), acceptedBy: account.id },
        );
      await this.audit.record(
        {
          workspaceId,
          actor: accountActor(account),
          action: 'member.joined',
          target: { type: 'member', id: account.id },
          after: { email: account.email, role: invitation.role, invitationId: invitation.id },
        },
        tx,
      );
      return member;
    });
  }

  private async withInviters(rows: Invitation[]): Promise<InvitationDto[]> {
    const ids = [...new Set(rows.map((r) => r.invitedBy).filter((id): id is string => !!id))];
    const inviters = ids.length
      ? ((await this.invitations.query('SELECT id, email FROM accounts WHERE id = ANY($1)', [
          ids,
        ])) as Array<{ id: string; email: string }>)
      : [];
    const emailOf = new Map(inviters.map((a) => [a.id, a.email]));
    return rows.map((row) => ({
      id: row.id,
      email: row.email,
      role: row.role,
      invitedBy: (row.invitedBy && emailOf.get(row.invitedBy)) ?? null,
      expiresAt: row.expiresAt.toISOString(),
      createdAt: row.createdAt.toISOString(),
    }));
  }
}

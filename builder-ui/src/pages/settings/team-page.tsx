import type { Invitation, InvitationCreated, Member, Role } from '@waymark/shared';
import { useState } from 'preact/hooks';
import { describeError } from '../../api';
import {
  listInvitations,
  listMembers,
  removeMember,
  revokeInvitation,
  updateMember,
} from '../../api/settings';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { LoadView } from '../../components/load-view';
import { useLoad } from '../../components/use-load';
import { formatDateTime, formatRelative } from '../../format';
import type { PageProps } from '../../page-props';
import { useCan, useWorkspace } from '../../workspace-context';
import { InviteForm } from './invite-form';
import { OnceSecret } from './once-secret';
import { ROLE_LABELS, ROLES } from './roles';
import { ReadOnlyNote, SettingsFrame } from './settings-frame';

type Pending =
  { kind: 'remove'; member: Member } | { kind: 'revoke'; invitation: Invitation } | null;

/** Members and their roles, and pending invitations; owners change both. */
export function TeamPage(_props: PageProps) {
  const { api, me, workspace, refreshMe } = useWorkspace();
  const owner = useCan('owner');
  const { load, reload } = useLoad(
    async (signal) => {
      const [members, invitations] = await Promise.all([
        listMembers(api, workspace.id, signal),
        listInvitations(api, workspace.id, signal),
      ]);
      return { members: members.data, invitations: invitations.data };
    },
    [api, workspace.id],
  );
  const [created, setCreated] = useState<InvitationCreated | null>(null);
  const [confirm, setConfirm] = useState<Pending>(null);
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const changeRole = async (member: Member, role: Role) => {
    setProblem(null);
    setNotice(null);
    try {
      await updateMember(api, workspace.id, member.accountId, role);
      setNotice(`${member.email} is now ${ROLE_LABELS[role].toLowerCase()}.`);
      if (member.accountId === me.account.id) await refreshMe();
    } catch (error) {
      setProblem(describeError(error));
    }
    reload();
  };

  const runConfirmed = async () => {
    if (!confirm) return;
    setWorking(true);
    setProblem(null);
    try {
      if (confirm.kind === 'remove') {
        await removeMember(api, workspace.id, confirm.member.accountId);
        if (confirm.member.accountId === me.account.id) {
          await refreshMe();
          return;
        }
        setNotice(`${confirm.member.email} was removed.`);
      } else {
        await revokeInvitation(api, workspace.id, confirm.invitation.id);
        setNotice(`The invitation to ${confirm.invitation.email} was withdrawn.`);
      }
      setConfirm(null);
      reload();
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setWorking(false);
    }
  };

  return (
    <SettingsFrame
      title="Team"
      lede="Owners manage members, keys and settings; editors change content; viewers see everything and change nothing."
    >
      {!owner && <ReadOnlyNote>Only owners can invite people or change roles.</ReadOnlyNote>}
      {problem && !confirm && (
        <p class="alert settings-alert" role="alert">
          {problem}
        </p>
      )}
      <p class="visually-hidden" role="status">
        {notice}
      </p>
      <LoadView load={load} what="the team" onRetry={reload}>
        {({ members, invitations }) => (
          <>
            <h3 class="settings-subtitle">Members</h3>
            <div class="table-card" role="region" aria-label="Members" tabIndex={0}>
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">Email</th>
                    <th scope="col">Role</th>
                    <th scope="col">Joined</th>
                    <th scope="col">
                      <span class="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {members.map((member) => {
                    const self = member.accountId === me.account.id;
                    return (
                      <tr key={member.accountId}>
                        <td class="cell-name">
                          {member.email}
                          {self && <span class="muted"> (you)</span>}
                        </td>
                        <td>
                          {owner ? (
                            <>
                              <label class="visually-hidden" for={`role-${member.accountId}`}>
                                Role of {member.email}
                              </label>
                              <select
                                id={`role-${member.accountId}`}
                                class="select-inline"
                                value={member.role}
                                onChange={(event) =>
                                  changeRole(member, event.currentTarget.value as Role)
                                }
                              >
                                {ROLES.map((role) => (
                                  <option key={role} value={role}>
                                    {ROLE_LABELS[role]}
                                  </option>
                                ))}
                              </select>
                            </>
                          ) : (
                            ROLE_LABELS[member.role]
                          )}
                        </td>
                        <td title={formatDateTime(member.joinedAt)}>
                          {formatRelative(member.joinedAt)}
                        </td>
                        <td class="cell-actions">
                          {(owner || self) && (
                            <button
                              type="button"
                              class="button button-ghost button-small"
                              aria-label={self ? 'Leave this workspace' : `Remove ${member.email}`}
                              onClick={() => {
                                setProblem(null);
                                setConfirm({ kind: 'remove', member });
                              }}
                            >
                              {self ? 'Leave' : 'Remove'}
                            </button>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>

            <h3 class="settings-subtitle">Invitations</h3>
            {owner && (
              <InviteForm
                onInvited={(result) => {
                  setCreated(result);
                  reload();
                }}
              />
            )}
            {created && (
              <OnceSecret
                label={`Invitation link for ${created.invitation.email}`}
                value={created.url}
                onDismiss={() => setCreated(null)}
              >
                We also emailed it. The link works once, for 7 days, and only for{' '}
                {created.invitation.email}. It is shown here only now.
              </OnceSecret>
            )}
            {invitations.length === 0 ? (
              <p class="muted settings-empty">No pending invitations.</p>
            ) : (
              <div class="table-card" role="region" aria-label="Pending invitations" tabIndex={0}>
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">Email</th>
                      <th scope="col">Role</th>
                      <th scope="col">Invited by</th>
                      <th scope="col">Expires</th>
                      <th scope="col">
                        <span class="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {invitations.map((invitation) => (
                      <tr key={invitation.id}>
                        <td class="cell-name">{invitation.email}</td>
                        <td>{ROLE_LABELS[invitation.role]}</td>
                        <td>{invitation.invitedBy ?? '—'}</td>
                        <td title={formatDateTime(invitation.expiresAt)}>
                          {formatRelative(invitation.expiresAt)}
                        </td>
                        <td class="cell-actions">
                          {owner && (
                            <button
                              type="button"
                              class="button button-ghost button-small"
                              aria-label={`Revoke the invitation to ${invitation.email}`}
                              onClick={() => {
                                setProblem(null);
                                setConfirm({ kind: 'revoke', invitation });
                              }}
                            >
                              Revoke
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </LoadView>
      <ConfirmDialog
        open={confirm !== null}
        title={
          confirm?.kind === 'revoke'
            ? 'Revoke this invitation?'
            : confirm?.member.accountId === me.account.id
              ? `Leave ${workspace.name}?`
              : 'Remove this member?'
        }
        confirmLabel={
          confirm?.kind === 'revoke'
            ? 'Revoke invitation'
            : confirm?.member.accountId === me.account.id
              ? 'Leave workspace'
              : 'Remove member'
        }
        danger
        pending={working}
        error={confirm ? problem : null}
        onConfirm={runConfirmed}
        onCancel={() => {
          setConfirm(null);
          setProblem(null);
        }}
      >
        {confirm?.kind === 'revoke' ? (
          <p>The link sent to {confirm.invitation.email} will stop working.</p>
        ) : confirm?.member.accountId === me.account.id ? (
          <p>You will lose access to this workspace until someone invites you again.</p>
        ) : (
          <p>{confirm?.member.email} will lose access to this workspace at once.</p>
        )}
      </ConfirmDialog>
    </SettingsFrame>
  );
}

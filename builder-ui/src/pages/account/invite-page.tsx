import type { MeResponse } from '@waymark/shared';
import { useState } from 'preact/hooks';
import { ApiError, describeError, type ApiClient } from '../../api';
import { acceptInvitation } from '../../api/account';
import { useTitle } from '../../components/use-title';
import { navigate } from '../../router';
import { AccountFrame } from './account-frame';

export interface InvitePageProps {
  api: ApiClient;
  me: MeResponse;
  /** Called with the workspace joined, after the server accepted the invitation. */
  onAccepted: (workspaceId: string) => Promise<void>;
}

type Problem = { kind: 'link' | 'other-email' | 'failed'; message: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Accepts an invitation (`/invite?workspace=…&token=…`) for the signed-in account. */
export function InvitePage({ api, me, onAccepted }: InvitePageProps) {
  useTitle('Invitation');
  const [{ workspaceId, token }] = useState(() => {
    const query = new URLSearchParams(window.location.search);
    return { workspaceId: query.get('workspace') ?? '', token: query.get('token') ?? '' };
  });
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(
    UUID.test(workspaceId) && token
      ? null
      : {
          kind: 'link',
          message: 'This invitation link is incomplete. Open it from the email again.',
        },
  );
  const already = me.workspaces.find((w) => w.id === workspaceId);

  const accept = async () => {
    if (pending) return;
    setPending(true);
    setProblem(null);
    try {
      await acceptInvitation(api, workspaceId, token);
      await onAccepted(workspaceId);
    } catch (error) {
      setPending(false);
      if (error instanceof ApiError && error.code === 'forbidden') {
        setProblem({ kind: 'other-email', message: error.message });
      } else if (error instanceof ApiError && error.code === 'not_found') {
        setProblem({
          kind: 'link',
          message:
            'This invitation is invalid, was already used, or has expired (invitations last 7 days). Ask for a new one.',
        });
      } else setProblem({ kind: 'failed', message: describeError(error) });
    }
  };

  const signOut = async () => {
    try {
      await api.logout();
    } finally {
      // Reload on the same URL: the sign-in page shows, and after signing in, this page again.
      window.location.reload();
    }
  };

  return (
    <AccountFrame
      title={already ? `You are already in ${already.name}` : 'Join a workspace on Waymark'}
      lede={
        <>
          Signed in as <strong>{me.account.email}</strong>.
        </>
      }
    >
      {problem && (
        <div class="alert account-problem" role="alert">
          {problem.message}
        </div>
      )}
      <div class="invite-actions">
        {already ? (
          <button
            type="button"
            class="button button-primary button-block"
            onClick={() => onAccepted(already.id)}
          >
            Open {already.name}
          </button>
        ) : (
          problem?.kind !== 'link' && (
            <button
              type="button"
              class="button button-primary button-block"
              aria-disabled={pending}
              onClick={accept}
            >
              {pending ? 'Joining…' : 'Accept invitation'}
            </button>
          )
        )}
        {problem?.kind === 'other-email' && (
          <button type="button" class="button button-block" onClick={signOut}>
            Sign out and use another account
          </button>
        )}
        {me.workspaces.length === 0 && problem?.kind === 'link' && (
          <button type="button" class="button button-block" onClick={signOut}>
            Sign out
          </button>
        )}
        {me.workspaces.length > 0 && (
          <button
            type="button"
            class="button button-ghost button-block"
            onClick={() => navigate('/content', { replace: true })}
          >
            Not now — go to my workspace
          </button>
        )}
      </div>
    </AccountFrame>
  );
}

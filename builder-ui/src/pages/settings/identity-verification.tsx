import type { Workspace } from '@waymark/shared';
import { useState } from 'preact/hooks';
import { describeError } from '../../api';
import { getIdentitySecret, rotateIdentitySecret, updateWorkspace } from '../../api/settings';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { CopyButton } from '../../components/copy-button';
import { useWorkspace } from '../../workspace-context';

interface IdentityVerificationProps {
  settings: Workspace;
  readOnly: boolean;
  onSaved: (workspace: Workspace) => void;
}

type Asking = 'require' | 'stop' | 'rotate' | null;

/** The require toggle and the HMAC identity secret (reveal, copy, rotate); owners only. */
export function IdentityVerification({ settings, readOnly, onSaved }: IdentityVerificationProps) {
  const { api } = useWorkspace();
  const [secret, setSecret] = useState<string | null>(null);
  const [asking, setAsking] = useState<Asking>(null);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const required = settings.requireIdentityVerification;

  const run = async (action: () => Promise<void>) => {
    setPending(true);
    setProblem(null);
    try {
      await action();
      setAsking(null);
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setPending(false);
    }
  };

  const confirm = () =>
    run(async () => {
      if (asking === 'rotate') setSecret((await rotateIdentitySecret(api, settings.id)).secret);
      else {
        onSaved(
          await updateWorkspace(api, settings.id, {
            requireIdentityVerification: asking === 'require',
          }),
        );
      }
    });

  return (
    <section class="settings-form" aria-labelledby="identity-title">
      <h3 id="identity-title" class="settings-subtitle">
        Identity verification
      </h3>
      <p class="muted">
        When required, the widget must send <code>userHash</code> = HMAC-SHA256 of the user id with
        this secret, computed on your server; sessions claiming a user id without it are refused, so
        nobody can read another user’s content or progress.
      </p>
      <div class="identity-state">
        <span class={`badge ${required ? 'badge-published' : 'badge-draft'}`}>
          {required ? 'Required' : 'Not required'}
        </span>
        {!readOnly && (
          <button
            type="button"
            class="button button-small"
            onClick={() => {
              setProblem(null);
              setAsking(required ? 'stop' : 'require');
            }}
          >
            {required ? 'Stop requiring' : 'Require identity verification'}
          </button>
        )}
      </div>
      {!readOnly && (
        <div class="identity-secret">
          <p class="identity-secret-label" id="identity-secret-label">
            Identity secret
          </p>
          {secret ? (
            <div class="once-secret-row">
              <input
                class="once-secret-value"
                readOnly
                aria-labelledby="identity-secret-label"
                value={secret}
                onFocus={(event) => event.currentTarget.select()}
              />
              <CopyButton text={secret} label="Copy the identity secret" />
              <button type="button" class="button button-small" onClick={() => setSecret(null)}>
                Hide
              </button>
            </div>
          ) : (
            <div class="once-secret-row">
              <code class="key-value">wm_is_••••••••••••</code>
              <button
                type="button"
                class="button button-small"
                aria-disabled={pending}
                onClick={() =>
                  run(async () => setSecret((await getIdentitySecret(api, settings.id)).secret))
                }
              >
                Reveal
              </button>
            </div>
          )}
          <button
            type="button"
            class="button button-small"
            onClick={() => {
              setProblem(null);
              setAsking('rotate');
            }}
          >
            Rotate secret
          </button>
          {problem && asking === null && (
            <p class="alert" role="alert">
              {problem}
            </p>
          )}
        </div>
      )}
      <ConfirmDialog
        open={asking !== null}
        title={
          asking === 'rotate'
            ? 'Rotate the identity secret?'
            : asking === 'require'
              ? 'Require identity verification?'
              : 'Stop requiring identity verification?'
        }
        confirmLabel={
          asking === 'rotate'
            ? 'Rotate secret'
            : asking === 'require'
              ? 'Require it'
              : 'Stop requiring'
        }
        danger={asking !== 'stop'}
        pending={pending}
        error={problem}
        onConfirm={confirm}
        onCancel={() => setAsking(null)}
      >
        {asking === 'rotate' ? (
          <p>
            Hashes made with the current secret stop verifying <strong>at once</strong>. Update your
            servers with the new secret right after.
          </p>
        ) : asking === 'require' ? (
          <p>
            From now on, a session or event with a user id but without a valid <code>userHash</code>{' '}
            is refused. Make sure your app already sends it.
          </p>
        ) : (
          <p>Anyone who knows a user id will be able to claim it in the widget again.</p>
        )}
      </ConfirmDialog>
    </section>
  );
}

import type { Environment, EnvironmentWithSecret } from '@waymark/shared';
import type { TargetedSubmitEvent } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { describeError } from '../../api';
import {
  createEnvironment,
  listEnvironments,
  rotateSdkKey,
  rotateSecretKey,
} from '../../api/settings';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { CopyButton } from '../../components/copy-button';
import { InputField } from '../../components/input-field';
import { LoadView } from '../../components/load-view';
import { useLoad } from '../../components/use-load';
import { formatDateTime, formatRelative } from '../../format';
import type { PageProps } from '../../page-props';
import { useCan, useWorkspace } from '../../workspace-context';
import { toFormErrors, type FormErrors } from '../account/use-form-errors';
import { OnceSecret } from './once-secret';
import { ReadOnlyNote, SettingsFrame } from './settings-frame';

type Rotation = { environment: Environment; key: 'sdk' | 'secret' } | null;

/** Environments with their public SDK keys and secret keys; owners add and rotate. */
export function EnvironmentsPage(_props: PageProps) {
  const { api, workspace } = useWorkspace();
  const owner = useCan('owner');
  const { load, reload } = useLoad(
    (signal) => listEnvironments(api, workspace.id, signal).then((list) => list.data),
    [api, workspace.id],
  );
  const [rotation, setRotation] = useState<Rotation>(null);
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [secret, setSecret] = useState<EnvironmentWithSecret | null>(null);
  const [notice, setNotice] = useState('');

  const rotate = async () => {
    if (!rotation) return;
    setWorking(true);
    setProblem(null);
    try {
      const { environment, key } = rotation;
      if (key === 'sdk') {
        await rotateSdkKey(api, workspace.id, environment.id);
        setNotice(`The SDK key of ${environment.name} was replaced.`);
      } else {
        setSecret(await rotateSecretKey(api, workspace.id, environment.id));
      }
      setRotation(null);
      reload();
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setWorking(false);
    }
  };

  return (
    <SettingsFrame
      title="Environments & keys"
      lede="Each environment has a public SDK key for the snippet in your app, and a secret key for your servers (the REST and tracking APIs)."
    >
      {!owner && <ReadOnlyNote>Only owners can add environments or rotate keys.</ReadOnlyNote>}
      <p class="visually-hidden" role="status">
        {notice}
      </p>
      {secret && (
        <OnceSecret
          secret
          label={`Secret key of ${secret.environment.name}`}
          value={secret.secretKey}
          onDismiss={() => setSecret(null)}
        >
          <strong>Copy it now: it will not be shown again.</strong> Store it in your server’s
          secrets; never put it in browser code or a repository. Anyone holding it can read your
          users and send events as you.
        </OnceSecret>
      )}
      <LoadView load={load} what="environments" onRetry={reload}>
        {(environments) => (
          <div class="env-list">
            {environments.map((environment) => (
              <article
                key={environment.id}
                class="env-card"
                aria-labelledby={`env-${environment.id}`}
              >
                <header class="env-head">
                  <h3 id={`env-${environment.id}`} class="env-name">
                    {environment.name}
                  </h3>
                  <span class="muted" title={formatDateTime(environment.createdAt)}>
                    created {formatRelative(environment.createdAt)}
                  </span>
                </header>
                <dl class="key-list">
                  <div class="key-row">
                    <dt>SDK key (public)</dt>
                    <dd>
                      <code class="key-value">{environment.sdkKey}</code>
                      <CopyButton
                        text={environment.sdkKey}
                        label={`Copy the SDK key of ${environment.name}`}
                      />
                      {owner && (
                        <button
                          type="button"
                          class="button button-small"
                          aria-label={`Rotate the SDK key of ${environment.name}`}
                          onClick={() => {
                            setProblem(null);
                            setRotation({ environment, key: 'sdk' });
                          }}
                        >
                          Rotate
                        </button>
                      )}
                    </dd>
                  </div>
                  <div class="key-row">
                    <dt>Secret key</dt>
                    <dd>
                      <code class="key-value">wm_sk_{environment.secretKeyHint}</code>
                      <span class="muted key-note">shown only when made</span>
                      {owner && (
                        <button
                          type="button"
                          class="button button-small"
                          aria-label={`Rotate the secret key of ${environment.name}`}
                          onClick={() => {
                            setProblem(null);
                            setRotation({ environment, key: 'secret' });
                          }}
                        >
                          Rotate
                        </button>
                      )}
                    </dd>
                  </div>
                </dl>
              </article>
            ))}
          </div>
        )}
      </LoadView>
      {owner && (
        <NewEnvironmentForm
          onCreated={(created) => {
            setSecret(created);
            reload();
          }}
        />
      )}
      <ConfirmDialog
        open={rotation !== null}
        title={
          rotation?.key === 'sdk'
            ? `Rotate the SDK key of ${rotation.environment.name}?`
            : `Rotate the secret key of ${rotation?.environment.name ?? ''}?`
        }
        confirmLabel={rotation?.key === 'sdk' ? 'Rotate SDK key' : 'Rotate secret key'}
        danger
        pending={working}
        error={problem}
        onConfirm={rotate}
        onCancel={() => setRotation(null)}
      >
        {rotation?.key === 'sdk' ? (
          <p>
            The current key stops working <strong>at once</strong>: the widget on every page that
            still uses it will show nothing until you paste the new snippet.
          </p>
        ) : (
          <p>
            The current secret key stops working <strong>at once</strong>: your servers’ calls with
            it will be refused. The new key is shown once, right after.
          </p>
        )}
      </ConfirmDialog>
    </SettingsFrame>
  );
}

function NewEnvironmentForm({
  onCreated,
}: {
  onCreated: (created: EnvironmentWithSecret) => void;
}) {
  const { api, workspace } = useWorkspace();
  const [name, setName] = useState('');
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FormErrors<'name'>>({});
  const input = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(name)) {
      setErrors({ name: 'Use lowercase letters, digits and dashes (up to 40), e.g. “qa”.' });
      input.current?.focus();
      return;
    }
    setPending(true);
    setErrors({});
    try {
      onCreated(await createEnvironment(api, workspace.id, { name }));
      setName('');
    } catch (error) {
      setErrors(toFormErrors(error, ['name'] as const));
      input.current?.focus();
    } finally {
      setPending(false);
    }
  };

  return (
    <form
      class="inline-form env-create"
      noValidate
      onSubmit={onSubmit}
      aria-label="Add an environment"
    >
      {errors.form && (
        <p class="alert inline-form-alert" role="alert">
          {errors.form}
        </p>
      )}
      <InputField
        id="environment-name"
        label="New environment"
        value={name}
        onValue={setName}
        placeholder="qa"
        hint="Lowercase letters, digits and dashes."
        error={errors.name}
        disabled={pending}
        inputRef={input}
      />
      <button type="submit" class="button button-primary" aria-disabled={pending}>
        {pending ? 'Adding…' : 'Add environment'}
      </button>
    </form>
  );
}

import { snippet, type Environment } from '@waymark/shared';
import { useEffect, useState } from 'preact/hooks';
import { getWorkspace, listEnvironments } from '../../api/settings';
import { Link } from '../../components/link';
import { LoadView } from '../../components/load-view';
import { useLoad } from '../../components/use-load';
import type { PageProps } from '../../page-props';
import { useWorkspace } from '../../workspace-context';
import { CodeBlock } from './code-block';
import { InstallStatus } from './install-status';
import { SettingsFrame } from './settings-frame';

const npmUsage = (sdkKey: string, apiHost: string) => `import { Waymark } from '@waymark/widget';

const waymark = new Waymark();
waymark.init(${JSON.stringify(sdkKey)}, { apiHost: ${JSON.stringify(apiHost)} });

// Once you know who is signed in:
waymark.identify(user.id, { email: user.email, name: user.name });`;

const identifyUsage = (verified: boolean) =>
  verified
    ? `<script>
  // userHash is computed on your server (below) and rendered into the page.
  waymark.identify(USER_ID, { email: USER_EMAIL, name: USER_NAME }, { userHash: USER_HASH });
</script>`
    : `<script>
  // Once you know who is signed in (traits are optional):
  waymark.identify(USER_ID, { email: USER_EMAIL, name: USER_NAME });
</script>`;

const HMAC_NODE = `import { createHmac } from 'node:crypto';

// The identity secret from Settings → Workspace; keep it on the server.
const userHash = createHmac('sha256', process.env.WAYMARK_IDENTITY_SECRET)
  .update(user.id)
  .digest('hex');`;

/** This workspace's snippet for a chosen environment, the npm alternative, and a live check. */
export function InstallPage(_props: PageProps) {
  const { api, workspace } = useWorkspace();
  const { load, reload } = useLoad(
    async (signal) => {
      const [environments, settings] = await Promise.all([
        listEnvironments(api, workspace.id, signal),
        getWorkspace(api, workspace.id, signal),
      ]);
      return { environments: environments.data, settings };
    },
    [api, workspace.id],
  );

  return (
    <SettingsFrame
      title="Install"
      lede="Add Waymark to your app once; everything else is built here, without code."
    >
      <LoadView load={load} what="the installation details" onRetry={reload}>
        {({ environments, settings }) => (
          <InstallSteps
            environments={environments}
            verified={settings.requireIdentityVerification}
          />
        )}
      </LoadView>
    </SettingsFrame>
  );
}

function InstallSteps(props: { environments: Environment[]; verified: boolean }) {
  const { environments, verified } = props;
  const [environmentId, setEnvironmentId] = useState(
    () => (environments.find((e) => e.name === 'production') ?? environments[0])?.id ?? '',
  );
  const [live, setLive] = useState(environments);
  const environment = live.find((e) => e.id === environmentId) ?? live[0];
  const apiHost = window.location.origin;

  useEffect(() => setLive(environments), [environments]);
  if (!environment) return <p class="muted">This workspace has no environments.</p>;
  const code = snippet({ sdkKey: environment.sdkKey, apiHost });

  return (
    <div class="install">
      <div class="field install-env">
        <label for="install-environment">Environment</label>
        <select
          id="install-environment"
          class="select"
          value={environment.id}
          onChange={(event) => setEnvironmentId(event.currentTarget.value)}
        >
          {live.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </select>
      </div>

      <InstallStatus environment={environment} onEnvironments={setLive} />

      <ol class="install-steps" aria-label="Installation steps">
        <li>
          <h3 class="install-step-title">
            <span class="install-step-number" aria-hidden="true">
              1
            </span>
            Paste the snippet into every page of your app
          </h3>
          <p class="muted">
            Put it before <code>&lt;/head&gt;</code>. It loads the widget asynchronously, so it
            never slows your page down. Under a Content Security Policy, allow{' '}
            <code>{apiHost}</code> in <code>script-src</code> and <code>connect-src</code>, and pass
            your nonce as <code>nonce</code>.
          </p>
          <CodeBlock label={`Snippet for ${environment.name}`} code={code} />
          <CodeBlock label="Identify the signed-in user" code={identifyUsage(verified)} />
        </li>
        <li>
          <h3 class="install-step-title">
            <span class="install-step-number" aria-hidden="true">
              2
            </span>
            Or install it from npm
          </h3>
          <p class="muted">For apps with a bundler; the same widget, as an ES module.</p>
          <CodeBlock label="Install the package" code="npm install @waymark/widget" />
          <CodeBlock label="Start it in your app" code={npmUsage(environment.sdkKey, apiHost)} />
        </li>
        <li>
          <h3 class="install-step-title">
            <span class="install-step-number" aria-hidden="true">
              3
            </span>
            Identity verification
          </h3>
          {verified ? (
            <>
              <p>
                <strong>Required in this workspace:</strong> sessions with a user id but no valid{' '}
                <code>userHash</code> are refused. Compute it on your server, as HMAC-SHA256 of the
                user id with the workspace’s identity secret (hex):
              </p>
              <CodeBlock label="Compute the user hash on your server (Node.js)" code={HMAC_NODE} />
            </>
          ) : (
            <p class="muted">
              Optional, and off: anyone who knows a user id could claim it. To require a
              server-signed <code>userHash</code>, turn it on in{' '}
              <Link href="/settings/workspace">Workspace settings</Link>.
            </p>
          )}
        </li>
      </ol>
    </div>
  );
}

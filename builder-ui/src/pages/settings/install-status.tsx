import type { Environment } from '@waymark/shared';
import { useEffect, useState } from 'preact/hooks';
import { listEnvironments } from '../../api/settings';
import { formatDateTime, formatRelative } from '../../format';
import { useWorkspace } from '../../workspace-context';

/** How often the page asks whether the widget has called in. */
const POLL_MS = 3000;
/** A request within this window counts as "installed and live". */
const RECENT_MS = 24 * 3600 * 1000;

/** `sdkLastSeenAt`: when a request with the environment's SDK key last arrived (or null). */
const lastSeenOf = (environment: Environment): string | null =>
  (environment as { sdkLastSeenAt?: string | null }).sdkLastSeenAt ?? null;

interface InstallStatusProps {
  environment: Environment;
  onEnvironments: (environments: Environment[]) => void;
}

/** Polls the environments and says whether the widget has been seen with this SDK key. */
export function InstallStatus({ environment, onEnvironments }: InstallStatusProps) {
  const { api, workspace } = useWorkspace();
  const [, setTick] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setInterval(() => {
      if (document.hidden) return;
      listEnvironments(api, workspace.id, controller.signal).then(
        (list) => onEnvironments(list.data),
        () => setTick((n) => n + 1), // keep polling; the last answer stays on screen
      );
    }, POLL_MS);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [api, workspace.id]);

  const seen = lastSeenOf(environment);
  const recent = seen !== null && Date.now() - Date.parse(seen) < RECENT_MS;
  return (
    <div
      class={`install-status ${recent ? 'install-status-live' : 'install-status-waiting'}`}
      role="status"
      aria-live="polite"
    >
      <span class="install-status-dot" aria-hidden="true" />
      {recent ? (
        <p>
          <strong>Installation detected</strong> in {environment.name}: the widget called in{' '}
          <time dateTime={seen} title={formatDateTime(seen)}>
            {formatRelative(seen)}
          </time>
          .
        </p>
      ) : (
        <p>
          <strong>Waiting for the widget</strong> in {environment.name}
          {seen ? (
            <>
              {' '}
              (last request{' '}
              <time dateTime={seen} title={formatDateTime(seen)}>
                {formatRelative(seen)}
              </time>
              )
            </>
          ) : null}
          . Open a page with the snippet; this updates by itself.
        </p>
      )}
    </div>
  );
}

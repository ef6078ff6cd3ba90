import type { Workspace } from '@waymark/shared';
import type { ApiClient } from '../api';
import { useEffect, useState } from 'preact/hooks';
import { useWorkspace } from '../workspace-context';
import { getWorkspace, listEnvironments } from './settings';

// The app URL of each workspace seen, shared by every component that asks, so a change on the
// Workspace settings page reaches open editors without a reload.
const known = new Map<string, string | null>();
/** Each workspace's demo-app URL: the demo app running that workspace's production SDK key. */
const demoUrls = new Map<string, string>();
const listeners = new Set<() => void>();
const pending = new Map<string, Promise<void>>();

/** Records a workspace's app URL (after loading or saving it) and tells every `useAppUrl`. */
export function rememberAppUrl(workspace: Pick<Workspace, 'id' | 'appUrl'>): void {
  known.set(workspace.id, workspace.appUrl);
  listeners.forEach((listener) => listener());
}

/**
 * The demo app this server hosts: where the picker and previews open when no app URL is set.
 * With an SDK key it runs that workspace's content (`/demo/?key=`), so any workspace can try it.
 */
export const demoAppUrl = (sdkKey?: string): string =>
  `${window.location.origin}/demo/${sdkKey ? `?key=${encodeURIComponent(sdkKey)}` : ''}`;

async function loadAppUrl(api: ApiClient, workspaceId: string): Promise<void> {
  const [workspace, environments] = await Promise.all([
    getWorkspace(api, workspaceId),
    listEnvironments(api, workspaceId).catch(() => null),
  ]);
  const envs = environments?.data ?? [];
  const key = (envs.find((env) => env.name === 'production') ?? envs[0])?.sdkKey;
  if (key) demoUrls.set(workspaceId, demoAppUrl(key));
  rememberAppUrl(workspace);
}

/**
 * The customer's app, where the element picker and draft previews open: the workspace's
 * `appUrl` setting, else the demo app. Loads the setting once per workspace; until it arrives
 * (or if it cannot be read) the demo app is returned.
 */
export function useAppUrl(): string {
  const { api, workspace } = useWorkspace();
  const [, setVersion] = useState(0);

  useEffect(() => {
    const update = () => setVersion((n) => n + 1);
    listeners.add(update);
    if (!known.has(workspace.id) && !pending.has(workspace.id)) {
      pending.set(
        workspace.id,
        loadAppUrl(api, workspace.id)
          .catch(() => undefined) // the demo app stays the answer; a later mount tries again
          .finally(() => pending.delete(workspace.id)),
      );
    }
    return () => listeners.delete(update);
  }, [api, workspace.id]);

  return known.get(workspace.id) ?? demoUrls.get(workspace.id) ?? demoAppUrl();
}

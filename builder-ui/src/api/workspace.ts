import type { Workspace } from '@waymark/shared';
import { useEffect, useState } from 'preact/hooks';
import { useWorkspace } from '../workspace-context';
import { getWorkspace } from './settings';

// The app URL of each workspace seen, shared by every component that asks, so a change on the
// Workspace settings page reaches open editors without a reload.
const known = new Map<string, string | null>();
const listeners = new Set<() => void>();
const pending = new Map<string, Promise<void>>();

/** Records a workspace's app URL (after loading or saving it) and tells every `useAppUrl`. */
export function rememberAppUrl(workspace: Pick<Workspace, 'id' | 'appUrl'>): void {
  known.set(workspace.id, workspace.appUrl);
  listeners.forEach((listener) => listener());
}

/** The demo app this server hosts: where the picker and previews open when no app URL is set. */
export const demoAppUrl = (): string => `${window.location.origin}/demo/`;

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
        getWorkspace(api, workspace.id)
          .then(
            (loaded) => rememberAppUrl(loaded),
            () => undefined, // the demo app stays the answer; a later mount tries again
          )
          .finally(() => pending.delete(workspace.id)),
      );
    }
    return () => listeners.delete(update);
  }, [api, workspace.id]);

  return known.get(workspace.id) ?? demoAppUrl();
}

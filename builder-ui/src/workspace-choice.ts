import type { WorkspaceSummary } from '@waymark/shared';

const KEY = 'waymark.workspaceId';

/** The workspace to show: the last one chosen if it is still ours, else the first. */
export function pickWorkspace(
  workspaces: readonly WorkspaceSummary[],
  storedId: string | null,
): WorkspaceSummary | undefined {
  return workspaces.find((workspace) => workspace.id === storedId) ?? workspaces[0];
}

export function readStoredWorkspaceId(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null; // storage can be blocked; the first workspace is a fine default
  }
}

export function storeWorkspaceId(id: string): void {
  try {
    window.localStorage.setItem(KEY, id);
  } catch {
    // the choice then lasts until reload
  }
}

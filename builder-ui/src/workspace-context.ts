import type { MeResponse, Role, WorkspaceSummary } from '@waymark/shared';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ApiClient } from './api';

/** Everything a signed-in page needs: the API, who is signed in, and the current workspace. */
export interface WorkspaceContextValue {
  api: ApiClient;
  me: MeResponse;
  workspace: WorkspaceSummary;
  /** Call when an answer says the session ended: the app shows the sign-in page. */
  onUnauthenticated: () => void;
  /** Re-reads `/api/auth/me` (after creating or leaving a workspace, accepting an invitation). */
  refreshMe: () => Promise<void>;
  /** Switches to another workspace of the account. */
  switchWorkspace: (id: string) => void;
}

export const WorkspaceContext = createContext<WorkspaceContextValue | null>(null);

export function useWorkspace(): WorkspaceContextValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace() outside a signed-in page');
  return value;
}

const rank: Record<Role, number> = { viewer: 0, editor: 1, owner: 2 };

/** True when the signed-in member's role is at least `minimum` (viewers change nothing). */
export function useCan(minimum: Role): boolean {
  return rank[useWorkspace().workspace.role] >= rank[minimum];
}

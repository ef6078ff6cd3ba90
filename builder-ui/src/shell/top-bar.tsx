import type { WorkspaceSummary } from '@waymark/shared';
import type { TargetedEvent } from 'preact';
import { useState } from 'preact/hooks';
import { useAppUrl } from '../api/workspace';
import { CreateWorkspaceDialog } from './create-workspace-dialog';
import { Icon } from './icons';

interface TopBarProps {
  workspaces: WorkspaceSummary[];
  workspace: WorkspaceSummary;
  onWorkspace: (id: string) => void;
}

const ROLE_HELP: Record<WorkspaceSummary['role'], string> = {
  owner: 'Owner: manages members, keys and settings, and edits content',
  editor: 'Editor: creates, edits and publishes content',
  viewer: 'Viewer: sees everything, changes nothing',
};

/** The current workspace (switcher, role, "Create workspace") and links out of the builder. */
export function TopBar({ workspaces, workspace, onWorkspace }: TopBarProps) {
  const [creating, setCreating] = useState(false);
  const appUrl = useAppUrl();
  const onChange = (event: TargetedEvent<HTMLSelectElement>) =>
    onWorkspace(event.currentTarget.value);
  return (
    <header class="topbar">
      <div class="workspace">
        {workspaces.length > 1 ? (
          <>
            <label class="visually-hidden" for="workspace-select">
              Workspace
            </label>
            <select id="workspace-select" value={workspace.id} onChange={onChange}>
              {workspaces.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.name}
                </option>
              ))}
            </select>
          </>
        ) : (
          <span class="workspace-name">{workspace.name}</span>
        )}
        <span class="role" title={ROLE_HELP[workspace.role]}>
          <span class="visually-hidden">Your role: </span>
          {workspace.role}
        </span>
        <button
          type="button"
          class="button button-ghost button-small topbar-create"
          onClick={() => setCreating(true)}
        >
          <Icon name="plus" />
          <span class="topbar-create-label">New workspace</span>
        </button>
      </div>
      <div class="topbar-links">
        <a class="topbar-link" href="/api/docs">
          <Icon name="docs" />
          API docs
        </a>
        <a class="topbar-link" href={appUrl} target="_blank" rel="noopener">
          Open your app <span aria-hidden="true">↗</span>
          <span class="visually-hidden">(opens in a new tab)</span>
        </a>
      </div>
      {creating && <CreateWorkspaceDialog open onClose={() => setCreating(false)} />}
    </header>
  );
}

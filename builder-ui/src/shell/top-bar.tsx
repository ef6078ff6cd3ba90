import type { WorkspaceSummary } from '@waymark/shared';
import type { TargetedEvent } from 'preact';
import { Icon } from './icons';

interface TopBarProps {
  workspaces: WorkspaceSummary[];
  workspace: WorkspaceSummary;
  onWorkspace: (id: string) => void;
}

/** The current workspace (a switcher when there are several) and links out of the builder. */
export function TopBar({ workspaces, workspace, onWorkspace }: TopBarProps) {
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
        <span class="role">{workspace.role}</span>
      </div>
      <div class="topbar-links">
        <a class="topbar-link" href="/api/docs">
          <Icon name="docs" />
          API docs
        </a>
        <a class="topbar-link" href="/demo/" target="_blank" rel="noopener">
          Open demo app <span aria-hidden="true">↗</span>
          <span class="visually-hidden">(opens in a new tab)</span>
        </a>
      </div>
    </header>
  );
}

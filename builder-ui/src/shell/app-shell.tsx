import type { MeResponse, WorkspaceSummary } from '@waymark/shared';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { describeError, type ApiClient } from '../api';
import { Sidebar } from './sidebar';
import { TopBar } from './top-bar';

interface AppShellProps {
  api: ApiClient;
  me: MeResponse;
  path: string;
  workspace: WorkspaceSummary;
  onWorkspace: (id: string) => void;
  onSignedOut: () => void;
  children: ComponentChildren;
}

/** Navigation, header and the page area around every signed-in page. */
export function AppShell(props: AppShellProps) {
  const { api, me, path, workspace, onWorkspace, onSignedOut, children } = props;
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<string | null>(null);
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(path);

  // After in-app navigation, move focus to the new page as a full page load would.
  useEffect(() => {
    if (path === shownPath.current) return;
    shownPath.current = path;
    mainRef.current?.focus();
  }, [path]);

  const signOut = async () => {
    if (signingOut) return;
    setSigningOut(true);
    setSignOutError(null);
    try {
      await api.logout();
      onSignedOut();
    } catch (error) {
      setSigningOut(false);
      setSignOutError(`Sign-out failed. ${describeError(error)}`);
    }
  };

  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <Sidebar path={path} email={me.account.email} signingOut={signingOut} onSignOut={signOut} />
      <div class="shell-body">
        <TopBar workspaces={me.workspaces} workspace={workspace} onWorkspace={onWorkspace} />
        {signOutError && (
          <div class="alert alert-banner" role="alert">
            {signOutError}
          </div>
        )}
        <main id="main" class="page" tabIndex={-1} ref={mainRef}>
          {children}
        </main>
      </div>
    </div>
  );
}

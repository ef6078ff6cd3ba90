import type { MeResponse } from '@waymark/shared';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, describeError, type ApiClient } from './api';
import { EmptyState } from './components/empty-state';
import { ContentPage } from './pages/content-page';
import { LoginPage } from './pages/login-page';
import { NotBuiltPage } from './pages/not-built-page';
import { NotFoundPage } from './pages/not-found-page';
import { navigate, usePath } from './router';
import { sectionFor } from './sections';
import { AppShell } from './shell/app-shell';
import { pickWorkspace, readStoredWorkspaceId, storeWorkspaceId } from './workspace-choice';

type Session =
  | { status: 'checking' }
  | { status: 'signed-out' }
  | { status: 'unreachable'; message: string }
  | { status: 'signed-in'; me: MeResponse };

const HOME = '/content';

export function App({ api }: { api: ApiClient }) {
  const path = usePath();
  const [session, setSession] = useState<Session>({ status: 'checking' });
  const [workspaceId, setWorkspaceId] = useState(readStoredWorkspaceId);
  const [check, setCheck] = useState(0);

  useEffect(() => {
    setSession({ status: 'checking' });
    api.me().then(
      (me) => setSession({ status: 'signed-in', me }),
      (error: unknown) =>
        setSession(
          error instanceof ApiError && error.code === 'unauthenticated'
            ? { status: 'signed-out' }
            : { status: 'unreachable', message: describeError(error) },
        ),
    );
  }, [api, check]);

  const signedIn = session.status === 'signed-in';
  useEffect(() => {
    if (signedIn && (path === '/' || path === '/login')) navigate(HOME, { replace: true });
  }, [signedIn, path]);

  const onSignedOut = useCallback(() => setSession({ status: 'signed-out' }), []);
  const onWorkspace = useCallback((id: string) => {
    storeWorkspaceId(id);
    setWorkspaceId(id);
  }, []);

  switch (session.status) {
    case 'checking':
      return <p class="boot muted">Loading Waymark…</p>;
    case 'unreachable':
      return (
        <main class="boot">
          <div class="alert alert-block" role="alert">
            <p>{session.message}</p>
            <button type="button" class="button" onClick={() => setCheck((n) => n + 1)}>
              Try again
            </button>
          </div>
        </main>
      );
    case 'signed-out':
      return <LoginPage api={api} onSignedIn={(me) => setSession({ status: 'signed-in', me })} />;
    case 'signed-in':
      break;
    default:
      return session satisfies never;
  }

  const { me } = session;
  const workspace = pickWorkspace(me.workspaces, workspaceId);
  if (!workspace) {
    return (
      <main class="boot">
        <EmptyState icon="users" title="No workspace yet">
          <p>{me.account.email} is not a member of any workspace. Ask an owner to add you.</p>
        </EmptyState>
      </main>
    );
  }

  const section = sectionFor(path);
  let page;
  if (section?.path === '/content') {
    page = <ContentPage api={api} workspaceId={workspace.id} onUnauthenticated={onSignedOut} />;
  } else if (section) {
    page = <NotBuiltPage section={section} />;
  } else {
    page = <NotFoundPage />;
  }

  return (
    <AppShell
      api={api}
      me={me}
      path={path}
      workspace={workspace}
      onWorkspace={onWorkspace}
      onSignedOut={onSignedOut}
    >
      {page}
    </AppShell>
  );
}

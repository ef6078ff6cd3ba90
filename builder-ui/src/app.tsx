import type { MeResponse } from '@waymark/shared';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, describeError, type ApiClient } from './api';
import { EmptyState } from './components/empty-state';
import { PageLoading } from './components/page-loading';
import { lazyPage } from './lazy-page';
import { NotBuiltPage } from './pages/not-built-page';
import { NotFoundPage } from './pages/not-found-page';
import { navigate, usePath } from './router';
import { findRoute, redirects } from './routes';
import { sectionFor } from './sections';
import { AppShell } from './shell/app-shell';
import { signedOutPage } from './signed-out-routes';
import { pickWorkspace, readStoredWorkspaceId, storeWorkspaceId } from './workspace-choice';
import { WorkspaceContext, type WorkspaceContextValue } from './workspace-context';

const InvitePage = lazyPage(() => import('./pages/account/invite-page').then((m) => m.InvitePage));

type Session =
  | { status: 'checking' }
  | { status: 'signed-out' }
  | { status: 'unreachable'; message: string }
  | { status: 'signed-in'; me: MeResponse };

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
  const redirect = redirects[path];
  useEffect(() => {
    if (signedIn && redirect) navigate(redirect, { replace: true });
  }, [signedIn, redirect]);

  const onSignedOut = useCallback(() => setSession({ status: 'signed-out' }), []);
  const onWorkspace = useCallback((id: string) => {
    storeWorkspaceId(id);
    setWorkspaceId(id);
  }, []);
  const refreshMe = useCallback(async () => {
    const me = await api.me();
    setSession({ status: 'signed-in', me });
  }, [api]);
  const me = session.status === 'signed-in' ? session.me : undefined;
  const workspace = me ? pickWorkspace(me.workspaces, workspaceId) : undefined;
  const context = useMemo<WorkspaceContextValue | null>(
    () =>
      me && workspace
        ? {
            api,
            me,
            workspace,
            onUnauthenticated: onSignedOut,
            refreshMe,
            switchWorkspace: onWorkspace,
          }
        : null,
    [api, me, workspace, onSignedOut, refreshMe, onWorkspace],
  );

  switch (session.status) {
    case 'checking':
      return <PageLoading what="Waymark" />;
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
    case 'signed-out': {
      const Page = signedOutPage(path);
      return <Page api={api} onSignedIn={(me) => setSession({ status: 'signed-in', me })} />;
    }
    case 'signed-in':
      break;
    default:
      return session satisfies never;
  }

  if (me && path === '/invite') {
    // Outside the shell: the invited person may not belong to any workspace yet.
    return (
      <InvitePage
        api={api}
        me={me}
        onAccepted={async (id) => {
          await refreshMe();
          onWorkspace(id);
          navigate('/content', { replace: true });
        }}
      />
    );
  }
  if (!me || !workspace || !context) {
    return (
      <main class="boot">
        <EmptyState icon="users" title="No workspace yet">
          <p>{me?.account.email} is not a member of any workspace. Ask an owner to invite you.</p>
        </EmptyState>
      </main>
    );
  }

  const found = findRoute(path);
  const section = sectionFor(path);
  let page;
  if (found) page = <found.route.page params={found.params} />;
  else if (redirect) page = null;
  else if (section && !section.built && path === section.path) {
    page = <NotBuiltPage section={section} />;
  } else page = <NotFoundPage />;

  return (
    <WorkspaceContext.Provider value={context}>
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
    </WorkspaceContext.Provider>
  );
}

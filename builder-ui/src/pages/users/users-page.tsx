import type { UserSummary } from '@waymark/shared';
import { useEffect, useState } from 'preact/hooks';
import { searchUsers } from '../../api/users';
import { EmptyState } from '../../components/empty-state';
import { Link } from '../../components/link';
import { LoadMore } from '../../components/load-more';
import { LoadView } from '../../components/load-view';
import { PageHead } from '../../components/page-head';
import { useLoad } from '../../components/use-load';
import { useLoadMore } from '../../components/use-load-more';
import { useTitle } from '../../components/use-title';
import { formatDateTime, formatRelative } from '../../format';
import type { PageProps } from '../../page-props';
import { useWorkspace } from '../../workspace-context';

/** The search box's value, settled: a request per pause in typing, not per key. */
function useSettled(value: string, ms = 250): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export const userHref = (user: Pick<UserSummary, 'id'>) => `/users/${encodeURIComponent(user.id)}`;

/** People who used the app: search by id, email or name, newest first. */
export function UsersPage(_props: PageProps) {
  useTitle('Users');
  const { api, workspace } = useWorkspace();
  const [search, setSearch] = useState(
    () => new URLSearchParams(window.location.search).get('search') ?? '',
  );
  const settled = useSettled(search);
  const { load, reload, set } = useLoad(
    (signal) => searchUsers(api, workspace.id, settled, undefined, signal),
    [api, workspace.id, settled],
  );
  const more = useLoadMore((cursor) => searchUsers(api, workspace.id, settled, cursor), set);

  // Keep the search in the address, so back/forward and a shared link show the same list.
  useEffect(() => {
    const url = settled ? `/users?search=${encodeURIComponent(settled)}` : '/users';
    window.history.replaceState(null, '', url);
  }, [settled]);

  return (
    <>
      <PageHead
        title="Users"
        lede="The people using your app: traits, events, segments, and why content is or is not shown to them."
      />
      <form class="users-search" role="search" onSubmit={(event) => event.preventDefault()}>
        <label for="user-search">Search users</label>
        <input
          id="user-search"
          type="search"
          class="search-input"
          value={search}
          placeholder="User id, anonymous id, email or name"
          autoComplete="off"
          onInput={(event) => setSearch(event.currentTarget.value)}
        />
      </form>
      <LoadView load={load} what="users" onRetry={reload}>
        {(page) =>
          page.data.length === 0 ? (
            <EmptyState icon="users" title={settled ? 'No one matches' : 'No users yet'}>
              <p>
                {settled
                  ? `Nobody’s id starts with “${settled}”, and no email or name contains it.`
                  : 'People appear here once your app sends events through the widget or the tracking API.'}
              </p>
            </EmptyState>
          ) : (
            <>
              <p class="visually-hidden" role="status">
                {page.data.length} {page.data.length === 1 ? 'user' : 'users'} shown
              </p>
              <div class="table-card" role="region" aria-label="Users found" tabIndex={0}>
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">User</th>
                      <th scope="col">Email</th>
                      <th scope="col">Name</th>
                      <th scope="col">First seen</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.data.map((user) => (
                      <tr key={user.endUserId}>
                        <td class="cell-name">
                          <Link href={userHref(user)}>{user.userId ?? user.id}</Link>
                          {!user.userId && (
                            <span class="badge badge-draft user-anon">anonymous</span>
                          )}
                        </td>
                        <td>{user.email ?? <span class="muted">—</span>}</td>
                        <td>{user.name ?? <span class="muted">—</span>}</td>
                        <td>
                          {user.firstSeenAt ? (
                            <time
                              dateTime={user.firstSeenAt}
                              title={formatDateTime(user.firstSeenAt)}
                            >
                              {formatRelative(user.firstSeenAt)}
                            </time>
                          ) : (
                            <span class="muted">—</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <LoadMore page={page} more={more} label="Load more" buttonClass="button" />
            </>
          )
        }
      </LoadView>
    </>
  );
}

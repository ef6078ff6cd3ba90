import type { UserExport } from '@waymark/shared';
import { getUser } from '../../api/users';
import { Link } from '../../components/link';
import { LoadView } from '../../components/load-view';
import { useLoad } from '../../components/use-load';
import { useTitle } from '../../components/use-title';
import { formatDateTime, formatRelative } from '../../format';
import type { PageProps } from '../../page-props';
import { useWorkspace } from '../../workspace-context';
import { UserEligibility } from './user-eligibility';
import { UserEvents } from './user-events';
import { UserState } from './user-state';

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** One person: who they are, traits, companies, computed state, events and content reasons. */
export function UserPage({ params }: PageProps) {
  const id = params.userId ?? '';
  const { api, workspace } = useWorkspace();
  const { load, reload } = useLoad(
    (signal) => getUser(api, workspace.id, id, signal),
    [api, workspace.id, id],
  );
  const title = load.state === 'ready' ? titleOf(load.data) : id;
  useTitle(`${title} · Users`);

  return (
    <>
      <nav class="breadcrumb" aria-label="Breadcrumb">
        <Link href="/users">Users</Link> <span aria-hidden="true">/</span>
      </nav>
      <div class="page-head">
        <div>
          <h1>{title}</h1>
          {load.state === 'ready' && <UserLede user={load.data} />}
        </div>
      </div>
      <LoadView load={load} what="this user" onRetry={reload}>
        {(user) => (
          <div class="user-layout">
            <div class="user-main">
              <UserEligibility user={user} routeId={id} />
              <UserEvents routeId={id} />
            </div>
            <aside class="user-side" aria-label="Profile">
              <Traits user={user} />
              <UserState user={user} />
            </aside>
          </div>
        )}
      </LoadView>
    </>
  );
}

function UserLede({ user }: { user: UserExport }) {
  return (
    <p class="page-lede">
      {user.userId ? (
        <>
          User id <code>{user.userId}</code>
        </>
      ) : (
        'Anonymous visitor'
      )}
      {user.firstSeenAt && (
        <>
          {' '}
          · first seen{' '}
          <time dateTime={user.firstSeenAt} title={formatDateTime(user.firstSeenAt)}>
            {formatRelative(user.firstSeenAt)}
          </time>
        </>
      )}
    </p>
  );
}

function titleOf(user: UserExport): string {
  return text(user.traits.name) ?? text(user.traits.email) ?? user.userId ?? 'Anonymous visitor';
}

const show = (value: unknown): string =>
  typeof value === 'string' ? value : JSON.stringify(value);

function Traits({ user }: { user: UserExport }) {
  const keys = Object.keys(user.traits).sort();
  return (
    <section class="user-card" aria-labelledby="traits-title">
      <h2 id="traits-title" class="user-card-title">
        Traits
      </h2>
      {keys.length === 0 ? (
        <p class="muted">No traits stored. They come from identify calls.</p>
      ) : (
        <dl class="trait-list">
          {keys.map((key) => {
            const at = user.traitTimes[key];
            return (
              <div key={key} class="trait-row">
                <dt>{key}</dt>
                <dd>
                  <span class="trait-value">{show(user.traits[key])}</span>
                  {at && (
                    <time class="muted trait-time" dateTime={at} title={formatDateTime(at)}>
                      set {formatRelative(at)}
                    </time>
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
      {user.anonymousIds.length > 0 && (
        <p class="muted user-ids">
          Anonymous ids:{' '}
          {user.anonymousIds.map((anon, index) => (
            <span key={anon}>
              {index > 0 && ', '}
              <code>{anon}</code>
            </span>
          ))}
        </p>
      )}
    </section>
  );
}

import type { StoredEvent } from '@waymark/shared';
import { getUserEvents } from '../../api/users';
import { LoadMore } from '../../components/load-more';
import { LoadView } from '../../components/load-view';
import { useLoad } from '../../components/use-load';
import { useLoadMore } from '../../components/use-load-more';
import { formatDateTime, formatRelative } from '../../format';
import { useWorkspace } from '../../workspace-context';

const LABELS: Record<string, string> = {
  $page: 'Page view',
  $identify: 'Identified',
  $group: 'Joined a company',
  $exposure: 'Experiment exposure',
  $survey_answered: 'Answered a survey',
  $checklist_item_completed: 'Checklist item done',
};

const labelOf = (event: StoredEvent): string =>
  LABELS[event.name] ??
  (event.name.startsWith('$content_')
    ? `Content ${event.name.slice('$content_'.length).replace('_', ' ')}`
    : event.name);

/** The few properties worth a glance: the page, else the first keys. */
function summary(event: StoredEvent): string {
  const props = event.properties;
  if (typeof props.url === 'string') return props.url;
  if (typeof props.path === 'string') return props.path;
  return Object.entries(props)
    .slice(0, 3)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');
}

/** The person's events, newest first, with "Load more". */
export function UserEvents({ routeId }: { routeId: string }) {
  const { api, workspace } = useWorkspace();
  const { load, reload, set } = useLoad(
    (signal) => getUserEvents(api, workspace.id, routeId, undefined, signal),
    [api, workspace.id, routeId],
  );
  const more = useLoadMore((cursor) => getUserEvents(api, workspace.id, routeId, cursor), set);

  return (
    <section class="user-card" aria-labelledby="events-title">
      <h2 id="events-title" class="user-card-title">
        Events
      </h2>
      <LoadView load={load} what="events" onRetry={reload}>
        {(page) =>
          page.data.length === 0 ? (
            <p class="muted">No events stored for this person.</p>
          ) : (
            <>
              <ol class="timeline">
                {page.data.map((event) => (
                  <li key={event.messageId} class="timeline-item">
                    <time dateTime={event.timestamp} title={formatDateTime(event.timestamp)}>
                      {formatRelative(event.timestamp)}
                    </time>
                    <span class="timeline-name">{labelOf(event)}</span>
                    <span class="timeline-detail muted">{summary(event)}</span>
                  </li>
                ))}
              </ol>
              <LoadMore
                page={page}
                more={more}
                label="Load more events"
                buttonClass="button button-small"
              />
            </>
          )
        }
      </LoadView>
    </section>
  );
}

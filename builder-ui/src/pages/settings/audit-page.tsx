import type { AuditEntry } from '@waymark/shared';
import { listAudit } from '../../api/settings';
import { EmptyState } from '../../components/empty-state';
import { LoadMore } from '../../components/load-more';
import { LoadView } from '../../components/load-view';
import { useLoad } from '../../components/use-load';
import { useLoadMore } from '../../components/use-load-more';
import { formatDateTime, formatRelative } from '../../format';
import type { PageProps } from '../../page-props';
import { useWorkspace } from '../../workspace-context';
import { SettingsFrame } from './settings-frame';

const actorOf = (entry: AuditEntry): string => {
  switch (entry.actor.type) {
    case 'account':
      return entry.actor.label ?? 'A former member';
    case 'secret-key':
      return `Secret key${entry.actor.label ? ` (${entry.actor.label})` : ''}`;
    case 'system':
      return 'Waymark';
    default:
      return entry.actor.type satisfies never;
  }
};

const short = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/** "name: Old → New" for each changed field; keys only in `after` read "key: value". */
function changesOf(entry: AuditEntry): string[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.map((key) => {
    if (!(key in before)) return `${key}: ${short(after[key])}`;
    if (!(key in after)) return `${key}: ${short(before[key])} (removed)`;
    return `${key}: ${short(before[key])} → ${short(after[key])}`;
  });
}

/** Who changed what and when, newest first; "Load more" follows the cursor. */
export function AuditPage(_props: PageProps) {
  const { api, workspace } = useWorkspace();
  const { load, reload, set } = useLoad(
    (signal) => listAudit(api, workspace.id, undefined, signal),
    [api, workspace.id],
  );
  const more = useLoadMore((cursor) => listAudit(api, workspace.id, cursor), set);

  return (
    <SettingsFrame
      title="Audit log"
      lede="Every change to content, members, keys and settings: who made it and when."
    >
      <LoadView load={load} what="the audit log" onRetry={reload}>
        {(page) =>
          page.data.length === 0 ? (
            <EmptyState icon="docs" title="Nothing recorded yet">
              <p>Changes appear here as soon as anyone makes one.</p>
            </EmptyState>
          ) : (
            <>
              <div class="table-card" role="region" aria-label="Audit log entries" tabIndex={0}>
                <table class="table audit-table">
                  <thead>
                    <tr>
                      <th scope="col">When</th>
                      <th scope="col">Who</th>
                      <th scope="col">Action</th>
                      <th scope="col">Target</th>
                      <th scope="col">Changes</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.data.map((entry) => (
                      <tr key={entry.id}>
                        <td>
                          <time dateTime={entry.at} title={formatDateTime(entry.at)}>
                            {formatRelative(entry.at)}
                          </time>
                        </td>
                        <td class="audit-who">{actorOf(entry)}</td>
                        <td>
                          <code>{entry.action}</code>
                        </td>
                        <td class="audit-target">
                          {entry.target.type}{' '}
                          <span class="muted">{entry.target.id.slice(0, 8)}</span>
                        </td>
                        <td class="audit-changes">
                          {changesOf(entry).map((line) => (
                            <div key={line}>{line}</div>
                          ))}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <LoadMore
                page={page}
                more={more}
                label="Load more"
                buttonClass="button"
                end={<p class="muted">That is everything: {page.data.length} entries.</p>}
              />
            </>
          )
        }
      </LoadView>
    </SettingsFrame>
  );
}

import type { ContentSummary } from '@waymark/shared';
import { Link } from '../../components/link';
import { StatusBadge } from '../../components/status-badge';
import { audienceSummary } from './audience-summary';
import { formatDateTime, formatRelative, kindLabel } from '../../format';

interface ContentTableProps {
  items: ContentSummary[];
  now: Date;
  /** Audience summaries by item id, filled in as they load. */
}

/** The content items of a workspace, one row each; the name opens the editor. */
export function ContentTable({ items, now }: ContentTableProps) {
  return (
    <div class="table-card">
      <table class="table content-table">
        <caption class="visually-hidden">Content items</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col">Audience</th>
            <th scope="col">Last edited</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row" class="cell-name">
                <Link href={`/content/${item.id}`}>{item.name}</Link>
              </th>
              <td>{kindLabel(item.kind)}</td>
              <td>
                <span class="status-cell">
                  <StatusBadge status={item.status} />
                  {item.publishedVersion !== null && (
                    <span class="muted">v{item.publishedVersion}</span>
                  )}
                  {item.status === 'published' && item.hasDraft && (
                    <span class="muted">· unpublished changes</span>
                  )}
                </span>
              </td>
              <td>{audienceSummary(item.audience)}</td>
              <td>
                <time dateTime={item.updatedAt} title={formatDateTime(item.updatedAt)}>
                  {formatRelative(item.updatedAt, now)}
                </time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import type { ContentSummary } from '@waymark/shared';
import { StatusBadge } from '../../components/status-badge';
import { formatDateTime, formatRelative, kindLabel } from '../../format';

/** The content items of a workspace, one row each. */
export function ContentTable({ items, now }: { items: ContentSummary[]; now: Date }) {
  return (
    <div class="table-card">
      <table class="table">
        <caption class="visually-hidden">Content items</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col">Published version</th>
            <th scope="col">Last edited</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row" class="cell-name">
                {item.name}
              </th>
              <td>{kindLabel(item.kind)}</td>
              <td>
                <StatusBadge status={item.status} />
              </td>
              <td class="cell-version">
                {item.publishedVersion === null ? (
                  <span class="muted">
                    <span aria-hidden="true">—</span>
                    <span class="visually-hidden">Not published</span>
                  </span>
                ) : (
                  `v${item.publishedVersion}`
                )}
              </td>
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

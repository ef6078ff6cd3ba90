import type { ContentStatus } from '@waymark/shared';

const LABELS: Record<ContentStatus, string> = {
  draft: 'Draft',
  published: 'Published',
  archived: 'Archived',
};

export function StatusBadge({ status }: { status: ContentStatus }) {
  return <span class={`badge badge-${status}`}>{LABELS[status]}</span>;
}

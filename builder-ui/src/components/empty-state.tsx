import type { ComponentChildren } from 'preact';
import { Icon, type IconName } from '../shell/icons';

interface EmptyStateProps {
  icon: IconName;
  title: string;
  children: ComponentChildren;
}

/** A calm, honest placeholder for "nothing here yet". */
export function EmptyState({ icon, title, children }: EmptyStateProps) {
  return (
    <div class="empty-state">
      <span class="empty-state-icon">
        <Icon name={icon} />
      </span>
      <h2 class="empty-state-title">{title}</h2>
      <div class="empty-state-body">{children}</div>
    </div>
  );
}

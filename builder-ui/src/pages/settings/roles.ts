import type { Role } from '@waymark/shared';

export const ROLES: readonly Role[] = ['owner', 'editor', 'viewer'];

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  editor: 'Editor',
  viewer: 'Viewer',
};

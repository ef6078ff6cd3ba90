import type { FieldIssue } from '@waymark/shared';

/** True when an issue concerns `path` or anything under it. */
export const hasIssue = (issues: readonly FieldIssue[], path: string): boolean =>
  issues.some((i) => i.path === path || i.path.startsWith(`${path}.`));

import type { ContentDefinition, FieldIssue } from '@waymark/shared';

/** What the content editor frame hands the editor of one kind. */
export interface KindEditorProps<D extends ContentDefinition> {
  definition: D;
  /** Every edit yields a whole new definition; the frame autosaves it as the draft. */
  onChange: (next: D) => void;
  /**
   * Server validation problems of the last save, `path` relative to the definition
   * (`steps.0.blocks.1.text`). Show each next to the field it concerns.
   */
  issues: readonly FieldIssue[];
  /** Viewers see the editor but change nothing. */
  readOnly: boolean;
  /** The step / item / question being edited, so the live preview can show it. */
  selected: number;
  onSelect: (index: number) => void;
  /** The customer's app, for the element picker. */
  appUrl: string;
}

/** Issues under `prefix` (e.g. `steps.2`), with the prefix and its dot removed. */
export function issuesUnder(issues: readonly FieldIssue[], prefix: string): FieldIssue[] {
  const head = `${prefix}.`;
  return issues
    .filter((issue) => issue.path === prefix || issue.path.startsWith(head))
    .map((issue) => ({
      ...issue,
      path: issue.path === prefix ? '' : issue.path.slice(head.length),
    }));
}

/** The message of the issue exactly at `path`, if any. */
export const issueAt = (issues: readonly FieldIssue[], path: string): string | undefined =>
  issues.find((issue) => issue.path === path)?.message;

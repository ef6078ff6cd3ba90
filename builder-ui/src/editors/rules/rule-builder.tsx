import type { FieldIssue, Rule } from '@waymark/shared';

export interface RuleBuilderProps {
  /** Undefined means "no condition" (everyone). */
  rule: Rule | undefined;
  onChange: (rule: Rule | undefined) => void;
  /** Issues with paths relative to the rule. */
  issues?: readonly FieldIssue[];
  readOnly: boolean;
  /** Accessible name of the builder: "Audience", "Done when". */
  label: string;
  /**
   * `server`: conditions the server can evaluate (segments, goals); `client`: also page, device,
   * locale and element conditions (audiences, checklist items).
   */
  scope: 'server' | 'client';
}

/** Placeholder (H7): the visual builder for the whole rule language. */
export function RuleBuilder(_props: RuleBuilderProps) {
  return <p class="muted">The rule builder is not built yet.</p>;
}

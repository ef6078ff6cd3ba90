import { RuleSchema, toFieldIssues, type FieldIssue, type Rule } from '@waymark/shared';
import { useMemo, useRef, useState } from 'preact/hooks';
import { RuleGroup, type TreeContext } from './rule-group';
import { formToRule, nodePaths, ruleToForm, updateNode, type GroupNode } from './rule-form';
import { summarizeRule, surveysIn } from './rule-summary';
import { useQuestionPrompts } from './use-survey-questions';
import { namesOf, useRuleRefs } from './use-rule-refs';

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

const timeZones = (): string[] => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
};

/** Rule problems the schema finds, with paths relative to the rule. */
export function ruleIssues(rule: Rule | undefined): FieldIssue[] {
  if (!rule) return [];
  const parsed = RuleSchema.safeParse(rule);
  return parsed.success ? [] : toFieldIssues(parsed.error);
}

/**
 * The visual editor for the whole rule language: all/any groups (each can be negated) to any
 * depth, every condition kind, pickers for segments/goals/journeys/content, and a plain-language
 * summary. It keeps its own form state (typed text survives) and reports the rule on every edit;
 * a different `rule` from outside (a reload) replaces the form.
 */
export function RuleBuilder({
  rule,
  onChange,
  issues = [],
  readOnly,
  label,
  scope,
}: RuleBuilderProps) {
  const refs = useRuleRefs();
  const [form, setForm] = useState<GroupNode>(() => ruleToForm(rule));
  const emitted = useRef<string>(JSON.stringify(rule ?? null));
  const incoming = JSON.stringify(rule ?? null);
  let current = form;
  if (incoming !== emitted.current) {
    // The parent replaced the rule (loaded, reset): start over from it.
    current = ruleToForm(rule);
    emitted.current = incoming;
    setForm(current);
  }
  const built = formToRule(current);
  const allIssues = useMemo(
    () => [...ruleIssues(built), ...issues],
    [JSON.stringify(built), issues],
  );
  const ctx: TreeContext = {
    scope,
    disabled: readOnly,
    refs,
    paths: nodePaths(current),
    issues: allIssues,
    update: (key, change) => {
      const next = updateNode(current, key, change);
      setForm(next);
      const nextRule = formToRule(next);
      emitted.current = JSON.stringify(nextRule);
      onChange(nextRule);
    },
  };
  const question = useQuestionPrompts(surveysIn(built));
  const names = { ...namesOf(refs), question };
  return (
    <div class="rule-builder">
      <p class="rule-summary" aria-live="polite">
        <span class="rule-summary-label">{label}: </span>
        {summarizeRule(built, names)}
      </p>
      {refs.error && <p class="field-error">{refs.error}</p>}
      <RuleGroup node={current} depth={1} ctx={ctx} label={label} />
      {scope === 'client' && (
        <datalist id="rule-time-zones">
          {timeZones().map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      )}
    </div>
  );
}

import { MAX_RULE_DEPTH, type FieldIssue } from '@waymark/shared';
import { useState } from 'preact/hooks';
import { issuesUnder } from '../editor-props';
import { ConditionFields } from './condition-fields';
import { friendlyMessage, isClientType, typeLabel, typesFor } from './condition-types';
import {
  emptyGroup,
  newDraft,
  newKey,
  type ConditionNode,
  type ConditionType,
  type FormNode,
  type GroupNode,
} from './rule-form';
import type { RuleRefs } from './use-rule-refs';

export interface TreeContext {
  scope: 'server' | 'client';
  disabled: boolean;
  refs: RuleRefs;
  /** Issue path of each node, by key. */
  paths: Map<string, string>;
  issues: readonly FieldIssue[];
  /** Replace (or, with null, remove) a node. */
  update: (key: string, change: (node: FormNode) => FormNode | null) => void;
}

const issuesOf = (ctx: TreeContext, node: FormNode): FieldIssue[] => {
  const path = ctx.paths.get(node.key) ?? '';
  const inner = node.negated ? (path ? `${path}.not` : 'not') : path;
  return inner ? issuesUnder(ctx.issues, inner) : [...ctx.issues];
};

/** An all/any group: its children, "Add condition" and "Add group". */
export function RuleGroup(props: {
  node: GroupNode;
  depth: number;
  ctx: TreeContext;
  label: string;
}) {
  const { node, depth, ctx } = props;
  const [adding, setAdding] = useState<ConditionType>('trait');
  const set = (change: Partial<GroupNode>) =>
    ctx.update(node.key, (n) => ({ ...(n as GroupNode), ...change }));
  const add = (child: FormNode) => set({ children: [...node.children, child] });
  const canNest = depth + 2 <= MAX_RULE_DEPTH;
  const own = issuesOf(ctx, node).filter((i) => i.path === '');
  const id = `rule-${node.key}`;
  return (
    <fieldset class={`rule-group${depth > 1 ? ' rule-group-nested' : ''}`} aria-label={props.label}>
      <div class="rule-group-head">
        <label class="rule-group-op">
          <span class="visually-hidden">{props.label}: </span>Match
          <select
            id={`${id}-op`}
            class="rule-input"
            value={node.op}
            disabled={ctx.disabled}
            onChange={(e) => set({ op: e.currentTarget.value as 'all' | 'any' })}
          >
            <option value="all">all</option>
            <option value="any">any</option>
          </select>
          of these conditions
        </label>
        <label class="rule-not">
          <input
            type="checkbox"
            checked={node.negated}
            disabled={ctx.disabled}
            onChange={(e) => set({ negated: e.currentTarget.checked })}
          />
          NOT (none of this may hold)
        </label>
        {depth > 1 && !ctx.disabled && (
          <button
            type="button"
            class="button button-ghost button-small rule-remove"
            aria-label={`Remove ${props.label}`}
            onClick={() => ctx.update(node.key, () => null)}
          >
            Remove group
          </button>
        )}
      </div>
      {own.map((issue) => (
        <p class="field-error" key={issue.message}>
          {friendlyMessage(issue.message)}
        </p>
      ))}
      {node.children.length === 0 && (
        <p class="muted rule-empty">
          {node.op === 'all'
            ? 'No conditions: matches everyone.'
            : 'No conditions: matches no one.'}
        </p>
      )}
      <ol class="rule-children">
        {node.children.map((child, i) => (
          <li key={child.key} class="rule-child">
            {i > 0 && (
              <span class="rule-joiner" aria-hidden="true">
                {node.op === 'all' ? 'and' : 'or'}
              </span>
            )}
            {child.node === 'group' ? (
              <RuleGroup
                node={child}
                depth={depth + (child.negated ? 2 : 1)}
                ctx={ctx}
                label={`${props.label}, group ${i + 1}`}
              />
            ) : (
              <RuleCondition node={child} ctx={ctx} label={`${props.label}, condition ${i + 1}`} />
            )}
          </li>
        ))}
      </ol>
      {!ctx.disabled && (
        <div class="rule-add">
          <label class="visually-hidden" for={`${id}-add`}>
            Kind of condition to add to {props.label}
          </label>
          <select
            id={`${id}-add`}
            class="rule-input"
            value={adding}
            onChange={(e) => setAdding(e.currentTarget.value as ConditionType)}
          >
            {typesFor(ctx.scope).map((t) => (
              <option key={t.type} value={t.type}>
                {t.label}
              </option>
            ))}
          </select>
          <button
            type="button"
            class="button button-small"
            onClick={() =>
              add({ key: newKey(), node: 'condition', negated: false, draft: newDraft(adding) })
            }
          >
            + Add condition
          </button>
          {canNest && (
            <button
              type="button"
              class="button button-small"
              onClick={() => add(emptyGroup(node.op === 'all' ? 'any' : 'all'))}
            >
              + Add group
            </button>
          )}
        </div>
      )}
    </fieldset>
  );
}

function RuleCondition(props: { node: ConditionNode; ctx: TreeContext; label: string }) {
  const { node, ctx } = props;
  const issues = issuesOf(ctx, node);
  const id = `rule-${node.key}`;
  const outOfScope = ctx.scope === 'server' && isClientType(node.draft.type);
  const types = typesFor(ctx.scope);
  const typeOptions = types.some((t) => t.type === node.draft.type)
    ? types
    : [...types, { type: node.draft.type, label: typeLabel(node.draft.type) }];
  return (
    <div class="rule-condition" role="group" aria-label={props.label}>
      <div class="rule-condition-head">
        <label class="visually-hidden" for={`${id}-type`}>
          Kind of {props.label}
        </label>
        <select
          id={`${id}-type`}
          class="rule-input rule-type"
          value={node.draft.type}
          disabled={ctx.disabled}
          onChange={(e) => {
            const type = e.currentTarget.value as ConditionType;
            ctx.update(node.key, (n) => ({ ...(n as ConditionNode), draft: newDraft(type) }));
          }}
        >
          {typeOptions.map((t) => (
            <option key={t.type} value={t.type}>
              {t.label}
            </option>
          ))}
        </select>
        <label class="rule-not">
          <input
            type="checkbox"
            checked={node.negated}
            disabled={ctx.disabled}
            onChange={(e) => {
              const negated = e.currentTarget.checked;
              ctx.update(node.key, (n) => ({ ...n, negated }));
            }}
          />
          NOT
        </label>
        {!ctx.disabled && (
          <button
            type="button"
            class="button button-ghost button-small rule-remove"
            aria-label={`Remove ${props.label}`}
            onClick={() => ctx.update(node.key, () => null)}
          >
            Remove
          </button>
        )}
      </div>
      <div class="rule-fields">
        <ConditionFields
          id={id}
          draft={node.draft}
          onChange={(draft) => ctx.update(node.key, (n) => ({ ...(n as ConditionNode), draft }))}
          disabled={ctx.disabled}
          refs={ctx.refs}
          issues={issues}
        />
      </div>
      {outOfScope && (
        <p class="field-error">Only the browser can answer this; it cannot be used here.</p>
      )}
      {issues.length > 0 && (
        <ul class="rule-issues">
          {issues.map((issue, i) => (
            <li key={i} class="field-error">
              {issue.path ? `${issue.path}: ` : ''}
              {friendlyMessage(issue.message)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import type { ComparisonOp, Condition, ElementTarget, PropertyFilter, Rule } from '@waymark/shared';

/**
 * The rule builder's editable state, and its conversion to and from the rule language. Drafts
 * keep what the author typed (number fields as text, list values as "a, b") so an unfinished
 * value is never rewritten under the cursor; `formToRule` turns them into the AST.
 */

/** How a comparison's typed text is read. */
export type ValueKind = 'text' | 'number' | 'boolean';

export interface ComparisonDraft {
  op: ComparisonOp;
  kind: ValueKind;
  /** The value as typed; a comma-separated list for in/not_in; days for *_days ops. */
  text: string;
}

export interface FilterDraft extends ComparisonDraft {
  property: string;
}

export type TimeOp = 'before' | 'after' | 'within_last_days' | 'more_than_days_ago';

export type ConditionDraft =
  | { type: 'trait' | 'company_trait'; key: string; cmp: ComparisonDraft }
  | {
      type: 'event';
      name: string;
      where: FilterDraft[];
      countOp: 'gte' | 'lte' | 'eq';
      count: string;
      /** Blank: ever. */
      windowDays: string;
    }
  | { type: 'sequence'; steps: string[]; withinDays: string }
  | { type: 'first_seen' | 'last_seen'; op: TimeOp; text: string }
  | { type: 'survey_answer'; contentId: string; questionId: string; cmp: ComparisonDraft }
  | { type: 'content'; contentId: string; state: 'seen' | 'completed' | 'dismissed' | 'not_seen' }
  | { type: 'goal'; goalId: string; reached: boolean }
  | { type: 'journey_stage'; journeyId: string; stageId: string }
  | { type: 'segment'; segmentId: string; member: boolean }
  | { type: 'page'; op: 'eq' | 'contains' | 'starts_with' | 'matches'; value: string }
  | { type: 'element'; target: ElementTarget | undefined; state: 'present' | 'visible' | 'absent' }
  | {
      type: 'device';
      kind: '' | 'mobile' | 'tablet' | 'desktop';
      minWidth: string;
      maxWidth: string;
    }
  | { type: 'locale'; op: 'eq' | 'in' | 'starts_with'; text: string }
  | { type: 'time_window'; days: number[]; startHour: string; endHour: string; timezone: string };

export type ConditionType = Condition['type'];

export interface GroupNode {
  key: string;
  node: 'group';
  op: 'all' | 'any';
  negated: boolean;
  children: FormNode[];
}

export interface ConditionNode {
  key: string;
  node: 'condition';
  negated: boolean;
  draft: ConditionDraft;
}

export type FormNode = GroupNode | ConditionNode;

let counter = 0;
/** Stable keys for list rendering; only unique within a page's life. */
export const newKey = (): string => `n${++counter}`;

const NO_VALUE_OPS: ReadonlySet<ComparisonOp> = new Set(['exists', 'not_exists']);
const LIST_OPS: ReadonlySet<ComparisonOp> = new Set(['in', 'not_in']);
const DAY_OPS: ReadonlySet<ComparisonOp> = new Set(['within_last_days', 'more_than_days_ago']);

export const comparisonTakesValue = (op: ComparisonOp): boolean => !NO_VALUE_OPS.has(op);
export const comparisonTakesList = (op: ComparisonOp): boolean => LIST_OPS.has(op);
export const comparisonTakesDays = (op: ComparisonOp): boolean => DAY_OPS.has(op);
export const comparisonTakesDate = (op: ComparisonOp): boolean => op === 'before' || op === 'after';

// --- rule → form -----------------------------------------------------------------------------

type Scalar = string | number | boolean;

const kindOf = (value: unknown): ValueKind =>
  typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'text';

function comparisonDraft(op: ComparisonOp, value: unknown): ComparisonDraft {
  if (Array.isArray(value)) {
    return { op, kind: kindOf(value[0]), text: value.map(String).join(', ') };
  }
  if (value === undefined) return { op, kind: 'text', text: '' };
  return { op, kind: kindOf(value), text: String(value) };
}

/** A property filter as the form edits it. */
export const filterToDraft = (f: PropertyFilter): FilterDraft => ({
  property: f.property,
  ...comparisonDraft(f.op, f.value),
});

/** A filter draft back as a property filter. */
export const draftToFilter = (f: FilterDraft): PropertyFilter =>
  ({ property: f.property.trim(), ...draftToComparison(f) }) as PropertyFilter;

const text = (value: number | undefined): string => (value === undefined ? '' : String(value));

export function conditionToDraft(c: Condition): ConditionDraft {
  switch (c.type) {
    case 'trait':
    case 'company_trait':
      return { type: c.type, key: c.key, cmp: comparisonDraft(c.op, c.value) };
    case 'event':
      return {
        type: 'event',
        name: c.name,
        where: (c.where ?? []).map(filterToDraft),
        countOp: c.count?.op ?? 'gte',
        count: String(c.count?.value ?? 1),
        windowDays: text(c.window?.days),
      };
    case 'sequence':
      return { type: 'sequence', steps: [...c.steps], withinDays: String(c.within.days) };
    case 'first_seen':
    case 'last_seen':
      return { type: c.type, op: c.op, text: String(c.value) };
    case 'survey_answer':
      return {
        type: 'survey_answer',
        contentId: c.contentId,
        questionId: c.questionId ?? '',
        cmp: comparisonDraft(c.op, c.value),
      };
    case 'content':
      return { type: 'content', contentId: c.contentId, state: c.state };
    case 'goal':
      return { type: 'goal', goalId: c.goalId, reached: c.reached ?? true };
    case 'journey_stage':
      return { type: 'journey_stage', journeyId: c.journeyId, stageId: c.stageId };
    case 'segment':
      return { type: 'segment', segmentId: c.segmentId, member: c.member ?? true };
    case 'page':
      return { type: 'page', op: c.op, value: c.value };
    case 'element':
      return { type: 'element', target: c.target, state: c.state };
    case 'device':
      return {
        type: 'device',
        kind: c.kind ?? '',
        minWidth: text(c.minWidth),
        maxWidth: text(c.maxWidth),
      };
    case 'locale':
      return {
        type: 'locale',
        op: c.op,
        text: Array.isArray(c.value) ? c.value.join(', ') : c.value,
      };
    case 'time_window':
      return {
        type: 'time_window',
        days: c.days ? [...c.days] : [],
        startHour: String(c.startHour),
        endHour: String(c.endHour),
        timezone: c.timezone,
      };
  }
}

function toNode(rule: Rule, negated: boolean): FormNode {
  if ('all' in rule || 'any' in rule) {
    const op = 'all' in rule ? 'all' : 'any';
    const children = 'all' in rule ? rule.all : rule.any;
    return { key: newKey(), node: 'group', op, negated, children: children.map(ruleToNode) };
  }
  if ('not' in rule) {
    // not(not x): keep both negations visible as a negated group around a negated item.
    if (negated) {
      return {
        key: newKey(),
        node: 'group',
        op: 'all',
        negated,
        children: [toNode(rule.not, true)],
      };
    }
    return toNode(rule.not, true);
  }
  return { key: newKey(), node: 'condition', negated, draft: conditionToDraft(rule) };
}

const ruleToNode = (rule: Rule): FormNode => toNode(rule, false);

/** The form for a rule; the root is always a group (undefined → an empty "all"). */
export function ruleToForm(rule: Rule | undefined): GroupNode {
  if (!rule) return emptyGroup();
  const node = ruleToNode(rule);
  if (node.node === 'group') return node;
  return { key: newKey(), node: 'group', op: 'all', negated: false, children: [node] };
}

export const emptyGroup = (op: 'all' | 'any' = 'all'): GroupNode => ({
  key: newKey(),
  node: 'group',
  op,
  negated: false,
  children: [],
});

// --- form → rule -----------------------------------------------------------------------------

/** A number when the text is one, else the trimmed text (the schema then says what is wrong). */
function parseNumber(raw: string): number | string {
  const trimmed = raw.trim();
  if (trimmed === '') return trimmed;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : trimmed;
}

function parseScalar(raw: string, kind: ValueKind): Scalar {
  if (kind === 'number') return parseNumber(raw);
  if (kind === 'boolean') return raw.trim() === 'true';
  return raw;
}

const splitList = (raw: string): string[] =>
  raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

/** The `{op, value}` of a comparison draft. */
export function draftToComparison(d: ComparisonDraft): { op: ComparisonOp; value?: unknown } {
  if (!comparisonTakesValue(d.op)) return { op: d.op };
  if (comparisonTakesList(d.op)) {
    return { op: d.op, value: splitList(d.text).map((part) => parseScalar(part, d.kind)) };
  }
  if (comparisonTakesDays(d.op)) return { op: d.op, value: parseNumber(d.text) };
  if (comparisonTakesDate(d.op)) return { op: d.op, value: d.text.trim() };
  return { op: d.op, value: parseScalar(d.text, d.kind) };
}

const optionalInt = (raw: string): number | undefined => {
  const value = parseNumber(raw);
  return raw.trim() === '' ? undefined : (value as number);
};

/** The condition a draft stands for (values may still be invalid: the schema reports them). */
export function draftToCondition(d: ConditionDraft): Condition {
  switch (d.type) {
    case 'trait':
    case 'company_trait':
      return { type: d.type, key: d.key.trim(), ...draftToComparison(d.cmp) } as Condition;
    case 'event': {
      const event = {
        type: 'event',
        name: d.name.trim(),
        where: d.where.map((f) => ({ property: f.property.trim(), ...draftToComparison(f) })),
        count: { op: d.countOp, value: parseNumber(d.count) },
      } as Extract<Condition, { type: 'event' }>;
      return d.windowDays.trim() === ''
        ? event
        : { ...event, window: { days: parseNumber(d.windowDays) as number } };
    }
    case 'sequence':
      return {
        type: 'sequence',
        steps: d.steps.map((s) => s.trim()),
        within: { days: parseNumber(d.withinDays) as number },
      };
    case 'first_seen':
    case 'last_seen':
      return {
        type: d.type,
        op: d.op,
        value: comparisonTakesDays(d.op) ? (parseNumber(d.text) as number) : d.text.trim(),
      };
    case 'survey_answer': {
      const base = { type: 'survey_answer', contentId: d.contentId, ...draftToComparison(d.cmp) };
      return (
        d.questionId.trim() === '' ? base : { ...base, questionId: d.questionId.trim() }
      ) as Condition;
    }
    case 'content':
      return { type: 'content', contentId: d.contentId, state: d.state };
    case 'goal':
      return { type: 'goal', goalId: d.goalId, reached: d.reached };
    case 'journey_stage':
      return { type: 'journey_stage', journeyId: d.journeyId, stageId: d.stageId };
    case 'segment':
      return { type: 'segment', segmentId: d.segmentId, member: d.member };
    case 'page':
      return { type: 'page', op: d.op, value: d.value.trim() };
    case 'element':
      return {
        type: 'element',
        target: d.target ?? ({ attributes: {} } as unknown as ElementTarget),
        state: d.state,
      };
    case 'device': {
      const device: Extract<Condition, { type: 'device' }> = { type: 'device' };
      if (d.kind) device.kind = d.kind;
      const min = optionalInt(d.minWidth);
      const max = optionalInt(d.maxWidth);
      if (min !== undefined) device.minWidth = min;
      if (max !== undefined) device.maxWidth = max;
      return device;
    }
    case 'locale':
      return {
        type: 'locale',
        op: d.op,
        value: d.op === 'in' ? splitList(d.text) : d.text.trim(),
      };
    case 'time_window': {
      const window = {
        type: 'time_window',
        startHour: parseNumber(d.startHour) as number,
        endHour: parseNumber(d.endHour) as number,
        timezone: d.timezone.trim(),
      } as Extract<Condition, { type: 'time_window' }>;
      return d.days.length > 0 ? { ...window, days: [...d.days].sort() } : window;
    }
  }
}

export function nodeToRule(node: FormNode): Rule {
  const inner: Rule =
    node.node === 'group'
      ? node.op === 'all'
        ? { all: node.children.map(nodeToRule) }
        : { any: node.children.map(nodeToRule) }
      : draftToCondition(node.draft);
  return node.negated ? { not: inner } : inner;
}

/** The rule a form stands for; the root group is always kept (`{all: []}` matches everyone). */
export const formToRule = (root: GroupNode): Rule => nodeToRule(root);

/** The dotted path of each node in the rule `formToRule` makes, by node key (for issues). */
export function nodePaths(root: GroupNode): Map<string, string> {
  const paths = new Map<string, string>();
  const walk = (node: FormNode, path: string) => {
    paths.set(node.key, path);
    const inside = node.negated ? (path ? `${path}.not` : 'not') : path;
    if (node.node === 'group') {
      node.children.forEach((child, i) =>
        walk(child, inside ? `${inside}.${node.op}.${i}` : `${node.op}.${i}`),
      );
    }
  };
  walk(root, '');
  return paths;
}

// --- editing ---------------------------------------------------------------------------------

/** A fresh condition of a type, with sensible defaults. */
export function newDraft(type: ConditionType): ConditionDraft {
  const cmp: ComparisonDraft = { op: 'eq', kind: 'text', text: '' };
  switch (type) {
    case 'trait':
    case 'company_trait':
      return { type, key: '', cmp };
    case 'event':
      return { type, name: '', where: [], countOp: 'gte', count: '1', windowDays: '' };
    case 'sequence':
      return { type, steps: ['', ''], withinDays: '7' };
    case 'first_seen':
    case 'last_seen':
      return { type, op: 'within_last_days', text: '7' };
    case 'survey_answer':
      return { type, contentId: '', questionId: '', cmp: { op: 'lte', kind: 'number', text: '6' } };
    case 'content':
      return { type, contentId: '', state: 'completed' };
    case 'goal':
      return { type, goalId: '', reached: true };
    case 'journey_stage':
      return { type, journeyId: '', stageId: '' };
    case 'segment':
      return { type, segmentId: '', member: true };
    case 'page':
      return { type, op: 'starts_with', value: '/' };
    case 'element':
      return { type, target: undefined, state: 'visible' };
    case 'device':
      return { type, kind: 'desktop', minWidth: '', maxWidth: '' };
    case 'locale':
      return { type, op: 'starts_with', text: 'en' };
    case 'time_window':
      return { type, days: [1, 2, 3, 4, 5], startHour: '9', endHour: '17', timezone: 'UTC' };
  }
}

/** Replaces the node with `key` anywhere in the tree (returns a new tree). */
export function updateNode(
  root: GroupNode,
  key: string,
  change: (node: FormNode) => FormNode | null,
): GroupNode {
  const visit = (node: FormNode): FormNode | null => {
    if (node.key === key) return change(node);
    if (node.node !== 'group') return node;
    const children = node.children.map(visit).filter((n): n is FormNode => n !== null);
    return { ...node, children };
  };
  return (visit(root) as GroupNode | null) ?? emptyGroup();
}

/** How deep a node sits (the root is 1), for the schema's nesting limit. */
export function depthOf(root: GroupNode, key: string): number {
  const find = (node: FormNode, depth: number): number => {
    if (node.key === key) return depth;
    if (node.node !== 'group') return 0;
    for (const child of node.children) {
      const found = find(child, depth + (node.negated ? 2 : 1));
      if (found) return found;
    }
    return 0;
  };
  return find(root, 1);
}

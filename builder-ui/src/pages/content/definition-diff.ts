import type { ContentDefinition } from '@waymark/shared';

/** One readable line of "what publishing changes". */
export interface DefinitionChange {
  kind: 'added' | 'removed' | 'changed' | 'moved';
  /** "Step 2: Find your way", "Title", "Theme". */
  what: string;
  /** Changed fields: "blocks 1 › text: “Old” → “New”". */
  details: string[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Keyed = { id: string } & Record<string, Json>;

/** The ordered, id-carrying collection of each kind, compared item by item. */
const COLLECTIONS: Record<ContentDefinition['kind'], { key: string; noun: string } | null> = {
  flow: { key: 'steps', noun: 'Step' },
  checklist: { key: 'items', noun: 'Item' },
  survey: { key: 'questions', noun: 'Question' },
  banner: null,
  launcher: null,
};

const FIELD_NAMES: Record<string, string> = {
  theme: 'Theme',
  translations: 'Translations',
  blocks: 'Content blocks',
  thankYou: 'Thank-you step',
  launcher: 'Launcher button',
  celebration: 'Celebration',
};
const fieldName = (key: string): string =>
  FIELD_NAMES[key] ??
  key.charAt(0).toUpperCase() +
    key
      .slice(1)
      .replace(/([A-Z])/g, ' $1')
      .toLowerCase();

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** "“Welcome”", numbers and booleans as they are, objects as "{…}", long text cut. */
function show(value: Json | undefined): string {
  if (value === undefined) return '(none)';
  if (typeof value === 'string') return `“${value.length > 60 ? `${value.slice(0, 59)}…` : value}”`;
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? '' : 's'}`;
  if (value !== null && typeof value === 'object') return '{…}';
  return String(value);
}

/** Leaf-level differences between two JSON values, as "path: old → new" lines (at most 8). */
export function fieldChanges(
  before: Json | undefined,
  after: Json | undefined,
  path = '',
): string[] {
  if (same(before, after)) return [];
  const bothObjects =
    before !== null &&
    after !== null &&
    typeof before === 'object' &&
    typeof after === 'object' &&
    Array.isArray(before) === Array.isArray(after);
  if (!bothObjects) return [`${path || 'value'}: ${show(before)} → ${show(after)}`];
  const keys = Array.isArray(before)
    ? Array.from({ length: Math.max(before.length, (after as Json[]).length) }, (_x, i) => i)
    : [...new Set([...Object.keys(before), ...Object.keys(after as object)])];
  const lines: string[] = [];
  for (const key of keys) {
    // `blocks › 2` reads as `block 2`.
    const parts = path.split(' › ');
    const parent = parts.pop() ?? '';
    const sub =
      typeof key === 'number'
        ? [...parts, `${parent.endsWith('s') ? parent.slice(0, -1) : parent || 'item'} ${key + 1}`]
            .filter(Boolean)
            .join(' › ')
        : path
          ? `${path} › ${key}`
          : key;
    const a = (before as Record<string, Json>)[key as string];
    const b = (after as Record<string, Json>)[key as string];
    lines.push(...fieldChanges(a, b, sub));
    if (lines.length >= 8) return [...lines.slice(0, 8), '…and more'];
  }
  return lines;
}

/** The item's heading for a change line: "Step 2: Welcome aboard" (title, prompt or id). */
function itemName(noun: string, item: Keyed, index: number): string {
  const blocks = Array.isArray(item.blocks) ? item.blocks : [];
  const heading = blocks.find(
    (block): block is { type: 'heading'; text: string } =>
      typeof block === 'object' &&
      block !== null &&
      !Array.isArray(block) &&
      block.type === 'heading',
  );
  const title = heading?.text ?? item.title ?? item.prompt ?? item.id;
  return `${noun} ${index + 1}: ${typeof title === 'string' ? title : item.id}`;
}

function collectionChanges(noun: string, before: Keyed[], after: Keyed[]): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  const oldById = new Map(before.map((item, index) => [item.id, { item, index }]));
  const newIds = new Set(after.map((item) => item.id));
  const keptOld = before.filter((item) => newIds.has(item.id)).map((item) => item.id);
  const keptNew = after.filter((item) => oldById.has(item.id)).map((item) => item.id);
  after.forEach((item, index) => {
    const old = oldById.get(item.id);
    if (!old) {
      changes.push({ kind: 'added', what: itemName(noun, item, index), details: [] });
      return;
    }
    const details = fieldChanges(old.item, item);
    if (details.length > 0) {
      changes.push({ kind: 'changed', what: itemName(noun, item, index), details });
    }
    if (keptOld.indexOf(item.id) !== keptNew.indexOf(item.id)) {
      changes.push({
        kind: 'moved',
        what: itemName(noun, item, index),
        details: [`was ${noun.toLowerCase()} ${old.index + 1}`],
      });
    }
  });
  before.forEach((item, index) => {
    if (!newIds.has(item.id)) {
      changes.push({ kind: 'removed', what: itemName(noun, item, index), details: [] });
    }
  });
  return changes;
}

/**
 * What changes when `after` replaces `before`: items of the kind's collection (steps, checklist
 * items, questions) matched by id — added, removed, moved, changed with their changed fields —
 * then every other top-level field. Pure, for the publish dialog.
 */
export function diffDefinitions(
  before: ContentDefinition,
  after: ContentDefinition,
): DefinitionChange[] {
  const a = before as unknown as Record<string, Json>;
  const b = after as unknown as Record<string, Json>;
  if (before.kind !== after.kind) {
    return [{ kind: 'changed', what: 'Kind', details: [`${before.kind} → ${after.kind}`] }];
  }
  const collection = COLLECTIONS[after.kind];
  const changes: DefinitionChange[] = [];
  if (collection) {
    changes.push(
      ...collectionChanges(
        collection.noun,
        (a[collection.key] ?? []) as Keyed[],
        (b[collection.key] ?? []) as Keyed[],
      ),
    );
  }
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (key) => key !== 'kind' && key !== collection?.key,
  );
  for (const key of keys) {
    if (same(a[key], b[key])) continue;
    const kind = a[key] === undefined ? 'added' : b[key] === undefined ? 'removed' : 'changed';
    const details = kind === 'changed' ? fieldChanges(a[key], b[key]) : [];
    changes.push({ kind, what: fieldName(key), details });
  }
  return changes;
}

import type { ContentDefinition, ContentKind } from '@waymark/shared';

/** One text of a definition that a translation replaces (translations are keyed by it). */
export interface SourceString {
  text: string;
  /** Where it appears, for people: "Question 2 › prompt". A text used twice lists both. */
  where: string[];
  /** `content`: written by the author; `widget`: one of the widget's own labels. */
  origin: 'content' | 'widget';
}

/**
 * Keys whose string values are shown to people, and subtrees that hold data rather than copy.
 * Mirrors `localize` in @waymark/shared: a string found here is exactly one it would translate.
 */
const TEXT_KEYS = new Set([
  'text',
  'markdown',
  'alt',
  'label',
  'title',
  'description',
  'prompt',
  'heading',
  'placeholder',
  'lowLabel',
  'highLabel',
]);
const SKIP_KEYS = new Set(['target', 'doneWhen', 'when', 'action', 'theme', 'translations']);

/** The labels the widget draws itself for each kind; they translate through the same table. */
export const WIDGET_LABELS: Readonly<Record<ContentKind, readonly string[]>> = {
  flow: ['Next', 'Done', 'Close', 'Step', 'of', 'Open tip'],
  checklist: ['Close', 'Progress', 'done', 'Done', 'All done!', 'Dismiss checklist'],
  survey: ['Next', 'Submit', 'Back', 'of', 'Please answer this question.', 'Thank you!', 'Close'],
  banner: ['Announcement', 'Close'],
  launcher: ['Close'],
};

const CONTAINERS: Readonly<Record<string, string>> = {
  steps: 'Step',
  questions: 'Question',
  items: 'Item',
  blocks: 'Block',
  options: 'Answer',
};
const OBJECTS: Readonly<Record<string, string>> = {
  thankYou: 'Thank-you step',
  celebration: 'Celebration',
  launcher: 'Launcher',
};
const FIELDS: Readonly<Record<string, string>> = {
  text: 'text',
  markdown: 'text',
  alt: 'image description',
  label: 'label',
  title: 'title',
  description: 'description',
  prompt: 'question',
  heading: 'heading',
  placeholder: 'placeholder',
  lowLabel: 'low-end label',
  highLabel: 'high-end label',
};

/**
 * The order texts are listed in, so the table reads like the content: the server's jsonb stores
 * keys sorted by length, which would put a thank-you step before the questions.
 */
const KEY_ORDER = [
  'title',
  'label',
  'heading',
  'prompt',
  'description',
  'text',
  'markdown',
  'alt',
  'lowLabel',
  'highLabel',
  'options',
  'placeholder',
  'steps',
  'questions',
  'items',
  'blocks',
  'launcher',
  'thankYou',
  'celebration',
];
const rank = (key: string): number => {
  const at = KEY_ORDER.indexOf(key);
  return at < 0 ? KEY_ORDER.length : at;
};

/** "Question 2 › Answer 1 › label" from the path of keys and indexes leading to a string. */
function describe(path: readonly (string | number)[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i += 1) {
    const key = path[i]!;
    const next = path[i + 1];
    if (typeof key === 'number') continue;
    if (CONTAINERS[key] && typeof next === 'number') parts.push(`${CONTAINERS[key]} ${next + 1}`);
    else if (OBJECTS[key]) parts.push(OBJECTS[key]);
    else if (i === path.length - 1) parts.push(FIELDS[key] ?? key);
  }
  return parts.join(' › ');
}

/**
 * Every translatable text of `definition`, once each, in the order it first appears, followed by
 * the widget's own labels for its kind. Blank strings are left out (there is nothing to translate).
 */
export function sourceStrings(definition: ContentDefinition): SourceString[] {
  const found = new Map<string, SourceString>();
  const add = (text: string, where: string, origin: SourceString['origin']) => {
    const entry = found.get(text);
    if (entry) entry.where.push(where);
    else found.set(text, { text, where: [where], origin });
  };
  const walk = (value: unknown, path: (string | number)[]): void => {
    const key = [...path].reverse().find((k) => typeof k === 'string');
    if (typeof value === 'string') {
      if (key !== undefined && TEXT_KEYS.has(key) && value.trim() !== '') {
        add(value, describe(path), 'content');
      }
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, [...path, index]));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const entries = Object.entries(value).sort(([a], [b]) => rank(a) - rank(b));
    for (const [k, v] of entries) if (!SKIP_KEYS.has(k)) walk(v, [...path, k]);
  };
  walk(definition, []);
  for (const label of WIDGET_LABELS[definition.kind]) {
    if (!found.has(label))
      found.set(label, { text: label, where: ['Built-in label'], origin: 'widget' });
  }
  return [...found.values()];
}

/** Inline nodes of the safe markdown subset. Rendered as Preact nodes, never as HTML. */
export type MdInline =
  | { type: 'text'; value: string }
  | { type: 'strong'; children: MdInline[] }
  | { type: 'em'; children: MdInline[] }
  | { type: 'code'; value: string }
  | { type: 'link'; href: string; children: MdInline[] }
  | { type: 'break' };

export interface MdParagraph {
  type: 'paragraph';
  children: MdInline[];
}

/** `- item` / `* item` (bulleted) or `1. item` / `1) item` (numbered, from `start`). */
export interface MdList {
  type: 'list';
  ordered: boolean;
  start: number;
  items: MdInline[][];
}

export type MdBlock = MdParagraph | MdList;

/** A list item's marker: a bullet, or a number of up to 9 digits with `.` or `)`. */
const ITEM = /^[ \t]{0,3}(?:([-*+])|(\d{1,9})[.)])[ \t]+(.*)$/;

/**
 * One token per match: an escape, `code`, **strong** (may hold other spans), *em* (starts and
 * ends on a non-space, no nested stars), [label](href), or a line break. Unmatched delimiters
 * fall through as text. Linear: every quantifier is bounded by a delimiter or the line.
 */
const INLINE =
  /\\([\\`*_[\]()])|`([^`\n]+)`|\*\*(.+?)\*\*|\*([^*\s](?:[^*\n]*[^*\s])?)\*|\[([^\]\n]+)\]\(([^)\s]+)\)|\n/g;

/** Links may point only to web pages and mail addresses; `javascript:` and the rest lose theirs. */
export function isSafeHref(href: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(href);
}

/**
 * Parses the subset authors may use in text blocks: paragraphs (blank-line separated), line
 * breaks, bulleted (`- item`) and numbered (`1. item`) lists, `**bold**`, `*italic*`,
 * `` `code` ``, `[label](https://…)` and `\` escapes. Anything else, HTML included, stays
 * literal text. Pure: returns a tree.
 */
export function parseMarkdown(source: string): MdBlock[] {
  const blocks: MdBlock[] = [];
  for (const block of source.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    let list = null as MdList | null;
    let lines: string[] = [];
    // Ends the open paragraph, or the open item of the open list.
    const end = (): void => {
      const text = lines.join('\n').trim();
      const children = parseInline(text, true);
      if (list) list.items.push(children);
      else if (text) blocks.push({ type: 'paragraph', children });
      lines = [];
    };
    for (const line of block.split('\n')) {
      const marker = ITEM.exec(line);
      if (marker) {
        if (list || lines.length > 0) end();
        const ordered = marker[2] !== undefined;
        // A list starts after text, or when the other kind of marker follows.
        if (list?.ordered !== ordered) {
          list = { type: 'list', ordered, start: ordered ? Number(marker[2]) : 1, items: [] };
          blocks.push(list);
        }
        lines = [marker[3] ?? ''];
      } else if (list && /^[ \t]+\S/.test(line)) {
        lines.push(line.trim()); // An indented line continues the item (a line break in it).
      } else {
        if (list) end();
        list = null;
        lines.push(line);
      }
    }
    if (list || lines.length > 0) end();
  }
  return blocks;
}

function parseInline(src: string, links: boolean): MdInline[] {
  const out: MdInline[] = [];
  let last = 0;
  for (const match of src.matchAll(INLINE)) {
    const [token, escaped, code, strong, em, label, href] = match;
    pushNode(out, { type: 'text', value: src.slice(last, match.index) });
    last = (match.index ?? 0) + token.length;
    if (escaped !== undefined) pushNode(out, { type: 'text', value: escaped });
    else if (code !== undefined) out.push({ type: 'code', value: code });
    else if (strong !== undefined)
      out.push({ type: 'strong', children: parseInline(strong, links) });
    else if (em !== undefined) out.push({ type: 'em', children: parseInline(em, links) });
    else if (label !== undefined && href !== undefined) {
      // No links inside links; an unsafe target keeps its label as text and loses the link.
      const children = parseInline(label, false);
      if (links && isSafeHref(href)) out.push({ type: 'link', href, children });
      else for (const child of children) pushNode(out, child);
    } else out.push({ type: 'break' });
  }
  pushNode(out, { type: 'text', value: src.slice(last) });
  return out;
}

/** Appends a node; text merges into a preceding text node and empty text is dropped. */
function pushNode(out: MdInline[], node: MdInline): void {
  const previous = out[out.length - 1];
  if (node.type !== 'text') out.push(node);
  else if (previous?.type === 'text') previous.value += node.value;
  else if (node.value) out.push(node);
}

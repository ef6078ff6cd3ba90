import type { ComponentChildren, VNode } from 'preact';

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
 * Parses the subset authors may use in text blocks straight into Preact nodes: paragraphs
 * (blank-line separated), line breaks, bulleted (`- item`) and numbered (`1. item`) lists,
 * `**bold**`, `*italic*`, `` `code` ``, `[label](https://…)` and `\` escapes. Anything else, HTML
 * included, stays literal text: strings are only ever text nodes, never HTML.
 */
export function parseMarkdown(source: string): VNode[] {
  const blocks: VNode[] = [];
  for (const block of source.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    // The open list's items and kind. Its node is pushed first and holds this array, which is
    // filled as items end and read only when Preact renders.
    let items: VNode[] | null = null;
    let ordered = false;
    let lines: string[] = [];
    // Ends the open paragraph, or the open item of the open list.
    const end = (): void => {
      const text = lines.join('\n').trim();
      const children = inline(text, true);
      if (items) items.push(<li>{children}</li>);
      else if (text) blocks.push(<p>{children}</p>);
      lines = [];
    };
    for (const line of block.split('\n')) {
      const marker = ITEM.exec(line);
      if (marker) {
        if (items || lines.length > 0) end();
        const numbered = marker[2] !== undefined;
        // A list starts after text, or when the other kind of marker follows.
        if (!items || ordered !== numbered) {
          items = [];
          ordered = numbered;
          const start = Number(marker[2]);
          blocks.push(
            ordered ? <ol start={start === 1 ? undefined : start}>{items}</ol> : <ul>{items}</ul>,
          );
        }
        lines = [marker[3] ?? ''];
      } else if (items && /^[ \t]+\S/.test(line)) {
        lines.push(line.trim()); // An indented line continues the item (a line break in it).
      } else {
        if (items) end();
        items = null;
        lines.push(line);
      }
    }
    if (items || lines.length > 0) end();
  }
  return blocks;
}

/** The spans of one paragraph or item; `links` is false inside a link's label. */
function inline(src: string, links: boolean): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  // Text joins the text before it and empty text is dropped: one text node per run of text, as
  // the browser shapes (kerns) it, whatever escapes or unsafe links it was parsed from.
  const add = (child: ComponentChildren): void => {
    const previous = out.length - 1;
    if (Array.isArray(child)) child.forEach(add);
    else if (typeof child !== 'string') out.push(child);
    else if (typeof out[previous] === 'string') out[previous] += child;
    else if (child) out.push(child);
  };
  let last = 0;
  for (const match of src.matchAll(INLINE)) {
    const [token, escaped, code, strong, em, label, href] = match;
    add(src.slice(last, match.index));
    last = (match.index ?? 0) + token.length;
    add(
      escaped ??
        (code !== undefined ? (
          <code>{code}</code>
        ) : strong !== undefined ? (
          <strong>{inline(strong, links)}</strong>
        ) : em !== undefined ? (
          <em>{inline(em, links)}</em>
        ) : label !== undefined && href !== undefined ? (
          // No links inside links; an unsafe target keeps its label as text and loses the link.
          links && isSafeHref(href) ? (
            <a href={href} target="_blank" rel="noopener noreferrer">
              {inline(label, false)}
            </a>
          ) : (
            inline(label, false)
          )
        ) : (
          <br />
        )),
    );
  }
  add(src.slice(last));
  return out;
}

/** Renders the safe markdown subset as Preact nodes: text is always text, never HTML. */
export const MarkdownView = ({ source }: { source: string }) => <>{parseMarkdown(source)}</>;

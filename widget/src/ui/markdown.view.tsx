import type { ComponentChildren } from 'preact';
import { parseMarkdown, type MdInline } from './markdown.parser';

/** Renders the safe markdown subset as Preact nodes: text is always text, never HTML. */
export function MarkdownView({ source }: { source: string }) {
  return (
    <>
      {parseMarkdown(source).map((block, i) => {
        if (block.type === 'paragraph') return <p key={i}>{renderInline(block.children)}</p>;
        const List = block.ordered ? 'ol' : 'ul';
        return (
          <List key={i} start={block.start === 1 ? undefined : block.start}>
            {block.items.map((item, j) => (
              <li key={j}>{renderInline(item)}</li>
            ))}
          </List>
        );
      })}
    </>
  );
}

function renderInline(nodes: readonly MdInline[]): ComponentChildren {
  return nodes.map((node, i) => {
    if (node.type === 'text') return node.value;
    if (node.type === 'break') return <br key={i} />;
    if (node.type === 'code') return <code key={i}>{node.value}</code>;
    const children = renderInline(node.children);
    if (node.type === 'link')
      return (
        <a key={i} href={node.href} target="_blank" rel="noopener noreferrer">
          {children}
        </a>
      );
    // `strong` and `em` are their own elements.
    const Tag = node.type;
    return <Tag key={i}>{children}</Tag>;
  });
}

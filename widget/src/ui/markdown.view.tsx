import type { ComponentChildren } from 'preact';
import { parseMarkdown, type MdInline } from './markdown.parser';

/** Renders the safe markdown subset as Preact nodes: text is always text, never HTML. */
export function MarkdownView({ source }: { source: string }) {
  return (
    <>
      {parseMarkdown(source).map((block, i) => {
        if (block.type === 'paragraph') return <p key={i}>{renderInline(block.children)}</p>;
        const items = block.items.map((item, j) => <li key={j}>{renderInline(item)}</li>);
        if (!block.ordered) return <ul key={i}>{items}</ul>;
        return (
          <ol key={i} start={block.start === 1 ? undefined : block.start}>
            {items}
          </ol>
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
    if (node.type === 'strong') return <strong key={i}>{children}</strong>;
    if (node.type === 'em') return <em key={i}>{children}</em>;
    return (
      <a key={i} href={node.href} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    );
  });
}

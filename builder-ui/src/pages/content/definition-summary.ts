import type { Block, ContentDefinition } from '@waymark/shared';

const blockText = (block: Block): string =>
  block.type === 'heading'
    ? block.text
    : block.type === 'text'
      ? block.markdown
      : block.type === 'image'
        ? `Image: ${block.alt || block.src}`
        : `Button: ${block.label}`;

const firstText = (blocks: readonly Block[]): string => {
  const block = blocks.find((b) => b.type === 'heading') ?? blocks[0];
  return block ? blockText(block) : '';
};

/** A definition in a few lines: what a version holds, for the history tab. */
export function summarizeDefinition(definition: ContentDefinition): {
  title: string;
  lines: string[];
} {
  switch (definition.kind) {
    case 'flow':
      return {
        title: `${definition.steps.length} step${definition.steps.length === 1 ? '' : 's'}`,
        lines: definition.steps.map((s) => `${s.type}: ${firstText(s.blocks)}`),
      };
    case 'checklist':
      return {
        title: `“${definition.title}”, ${definition.items.length} items`,
        lines: definition.items.map((item) => item.title),
      };
    case 'survey':
      return {
        title: `${definition.questions.length} question${definition.questions.length === 1 ? '' : 's'}`,
        lines: definition.questions.map((q) => `${q.type}: ${q.prompt}`),
      };
    case 'banner':
      return {
        title: `Banner at the ${definition.position}`,
        lines: definition.blocks.map(blockText),
      };
    case 'launcher':
      return { title: `Launcher “${definition.label}”`, lines: definition.blocks.map(blockText) };
    default:
      return definition satisfies never;
  }
}

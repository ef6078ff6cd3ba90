import type { Block, ButtonAction } from '@waymark/shared';
import { MarkdownView } from './markdown.view';

/** Translates one UI or content string (see `localize`); identity when untranslated. */
export type Translate = (text: string) => string;

type ButtonBlock = Extract<Block, { type: 'button' }>;
export const isButton = (block: Block): block is ButtonBlock => block.type === 'button';

/** A unique id prefix per drawn surface: several layers share one shadow root. */
export const newId = (): string => `wm${Math.random().toString(36).slice(2, 9)}`;

/** Heading, text, image blocks in order; the first heading gets `titleId` (the dialog's name). */
export function BlockList({ blocks, titleId }: { blocks: readonly Block[]; titleId: string }) {
  let titled = false;
  return (
    <>
      {blocks.map((block, i) => {
        if (block.type === 'heading') {
          const id = titled ? undefined : titleId;
          titled = true;
          return (
            <h2 key={i} id={id}>
              {block.text}
            </h2>
          );
        }
        if (block.type === 'text') return <MarkdownView key={i} source={block.markdown} />;
        if (block.type === 'image') return <img key={i} src={block.src} alt={block.alt} />;
        return null;
      })}
    </>
  );
}

/** The button row: an optional leading note (step count) and the button blocks. */
export function ButtonRow({
  buttons,
  act,
  note,
}: {
  buttons: readonly ButtonBlock[];
  act(action: ButtonAction): void;
  note?: string | undefined;
}) {
  if (buttons.length === 0 && !note) return null;
  return (
    <div class="foot">
      {note && <span class="count">{note}</span>}
      {buttons.map((button, i) => (
        <button key={i} type="button" class={button.variant} onClick={() => act(button.action)}>
          {button.label}
        </button>
      ))}
    </div>
  );
}

/** The × in a card's corner. */
export function CloseButton({ t, onClose }: { t: Translate; onClose(): void }) {
  return (
    <button type="button" class="x" aria-label={t('Close')} onClick={onClose}>
      ×
    </button>
  );
}

/** Labelled by the first heading when there is one, else by `fallback`. */
export function labelFor(blocks: readonly Block[], titleId: string, fallback: string) {
  return blocks.some((block) => block.type === 'heading')
    ? { 'aria-labelledby': titleId }
    : { 'aria-label': fallback };
}

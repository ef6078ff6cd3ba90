import type { Block } from '@waymark/shared';
import type { StepView } from '../core/surface.port';
import { MarkdownView } from './markdown.view';

type ButtonBlock = Extract<Block, { type: 'button' }>;

const isButton = (block: Block): block is ButtonBlock => block.type === 'button';

/** One surface at a time per shadow root, and IDREFs resolve inside it: a fixed id is unique. */
const HEADING_ID = 'wm-title';

/** The inside of every surface: close button, blocks, progress and buttons. */
export function StepCard({ view }: { view: StepView }) {
  const { step, index, total } = view;
  const buttons = step.blocks.filter(isButton);
  const last = index === total - 1;
  // A step that advances by button but has none still needs a way on.
  if (buttons.length === 0 && step.advance.on === 'button') {
    buttons.push({
      type: 'button',
      label: last ? 'Done' : 'Next',
      variant: 'primary',
      action: { type: 'next' },
    });
  }
  let headingUsed = false;
  return (
    <>
      <button
        type="button"
        class="x"
        aria-label="Close"
        onClick={() => view.act({ type: 'dismiss' })}
      >
        ×
      </button>
      {step.blocks.map((block, i) => {
        if (block.type === 'heading') {
          const id = headingUsed ? undefined : HEADING_ID;
          headingUsed = true;
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
      {(buttons.length > 0 || total > 1) && (
        <div class="foot">
          {total > 1 && <span class="count">{`${index + 1} of ${total}`}</span>}
          {buttons.map((button, i) => (
            <button
              key={i}
              type="button"
              class={button.variant}
              onClick={() => view.act(button.action)}
            >
              {button.label}
            </button>
          ))}
        </div>
      )}
    </>
  );
}

/** Props for the dialog element: labelled by the first heading, else by a generic name. */
export function labelProps(view: StepView): Record<string, string> {
  return view.step.blocks.some((block) => block.type === 'heading')
    ? { 'aria-labelledby': HEADING_ID }
    : { 'aria-label': `Step ${view.index + 1} of ${view.total}` };
}

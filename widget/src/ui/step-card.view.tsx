import type { StepView } from '../core/surface.port';
import {
  BlockList,
  ButtonRow,
  CloseButton,
  isButton,
  labelFor,
  type Translate,
} from './blocks.view';

/** A step as the views draw it: the runner's view plus translation and the title's id. */
export interface FlowView extends StepView {
  t: Translate;
  titleId: string;
}

/** The inside of every flow surface: close button, blocks, progress and buttons. */
export function StepCard({ view }: { view: FlowView }) {
  const { step, index, total, t } = view;
  const buttons = step.blocks.filter(isButton);
  // A step that advances by button but has none still needs a way on.
  if (buttons.length === 0 && step.advance.on === 'button') {
    const label = t(index === total - 1 ? 'Done' : 'Next');
    buttons.push({ type: 'button', label, variant: 'primary', action: { type: 'next' } });
  }
  return (
    <>
      <CloseButton t={t} onClose={() => view.act({ type: 'dismiss' })} />
      <BlockList blocks={step.blocks} titleId={view.titleId} />
      <ButtonRow
        buttons={buttons}
        act={view.act}
        note={total > 1 ? `${index + 1} ${t('of')} ${total}` : undefined}
      />
    </>
  );
}

/** Dialog attributes for a step: labelled by its first heading, else "Step n of N". */
export const stepLabel = (view: FlowView) =>
  labelFor(
    view.step.blocks,
    view.titleId,
    `${view.t('Step')} ${view.index + 1} ${view.t('of')} ${view.total}`,
  );

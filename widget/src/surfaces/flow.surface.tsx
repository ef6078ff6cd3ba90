import type { Block, FlowDefinition } from '@waymark/shared';
import { translate } from '../ui/i18n';
import { render } from 'preact';
import type { Chunks } from '../core/chunk.loader';
import { createFlowRunner } from '../core/flow.runner';
import type { ContentRun, MountContext, Stage, StepView, Surface } from '../core/surface.port';
import { findElement, isVisible } from '../dom/element.finder';
import { waitForElement } from '../dom/element.waiter';
import { newId, type Translate } from '../ui/blocks.view';
import { openLayer, prepareStage, type Layer } from '../ui/stage';
import type { FlowView } from '../ui/step-card.view';

/** Picks the view for a step from the loaded parts; keyed by draw so each step mounts fresh. */
function StepSurface({ view, parts }: { view: FlowView; parts: Partial<Chunks> }) {
  const { step, target, key } = view;
  const { tooltip, dialog } = parts;
  if (target && tooltip) {
    const View = step.type === 'hotspot' ? tooltip.HotspotView : tooltip.TooltipView;
    return <View key={key} view={view} target={target} />;
  }
  return dialog ? <dialog.DialogView key={key} view={view} /> : null;
}

/** The step views' stylesheets. */
const cssOf = (parts: Partial<Chunks>): (string | undefined)[] => [
  parts.tooltip?.tooltipCss,
  parts.dialog?.dialogCss,
];

/** Ahead of the first draw: the stylesheets and the shadow root (see `SurfaceModule`). */
export const prepare = (stage: Stage, parts: Partial<Chunks>): void =>
  prepareStage(stage, cssOf(parts));

const findVisible = (target: Parameters<typeof findElement>[1]): Element | null => {
  const element = findElement(document, target);
  return element && isVisible(element) ? element : null;
};

/**
 * A block with its visible strings translated: what `localize` does to a whole definition, done
 * here per drawn step (a flow's only copy is in its blocks), which spares the chunk `localize`.
 */
const translated = (block: Block, t: Translate): Block => {
  switch (block.type) {
    case 'heading':
      return { ...block, text: t(block.text) };
    case 'text':
      return { ...block, markdown: t(block.markdown) };
    case 'image':
      return { ...block, alt: t(block.alt) };
    case 'button':
      return { ...block, label: t(block.label) };
  }
};

/**
 * The flow chunk: walks the steps with `createFlowRunner`, drawing each with the part it needs
 * (tooltip, hotspot, dialog), one step at a time.
 */
export function mount(ctx: MountContext, parts: Partial<Chunks>): ContentRun {
  const flow = ctx.item.definition as FlowDefinition;
  const t = (text: string): string => translate(text, flow.translations, ctx.locale);
  let layer: Layer | null = null;
  const surface: Surface = {
    show({ step, ...view }: StepView) {
      layer ??= openLayer(ctx, cssOf(parts));
      const blocks = step.blocks.map((block) => translated(block, t));
      render(
        <StepSurface
          view={{ ...view, step: { ...step, blocks }, t, titleId: newId() }}
          parts={parts}
        />,
        layer.el,
      );
    },
    hide() {
      if (!layer) return;
      render(null, layer.el);
      layer.close();
      layer = null;
    },
  };
  return createFlowRunner(flow, ctx.index, {
    // The context's `log`, `announce`, `matchUrl`, `perform` and `end` are hooks as they are.
    ...ctx,
    key: ctx.item.id,
    surface,
    centerWhenMissing: ctx.preview,
    findNow: findVisible,
    waitFor: (target, signal) =>
      waitForElement(() => findVisible(target), { timeoutMs: ctx.targetWaitMs, signal }),
    record: (action, step, index) => ctx.record(action, step.id, index),
  });
}

import type { ButtonAction, LauncherDefinition } from '@waymark/shared';
import { localize, translate } from '../ui/i18n';
import { render } from 'preact';
import type { ContentRun, MountContext } from '../core/surface.port';
import { findElement, isVisible } from '../dom/element.finder';
import { waitForElement } from '../dom/element.waiter';
import { newId } from '../ui/blocks.view';
import { beaconCss, cornerCss } from '../ui/corner.styles';
import { LauncherView } from '../ui/launcher.view';
import { openLayer, type Layer } from '../ui/stage';
import { popoverCss } from '../ui/tooltip.view';

/**
 * The launcher chunk: a persistent button in a corner, or an icon or beacon beside an element
 * (waited for, bounded; `target_missing` when it never comes), that opens a popover.
 */
export function mount(ctx: MountContext): ContentRun {
  const launcher = localize(ctx.item.definition as LauncherDefinition, ctx.locale);
  const t = (text: string): string => translate(text, launcher.translations, ctx.locale);
  const titleId = newId();
  let layer: Layer | null = null;
  let abort: AbortController | null = null;

  const stop = (): void => {
    abort?.abort();
    if (!layer) return;
    render(null, layer.el);
    layer.close();
    layer = null;
  };
  const finish = (outcome: 'completed' | 'dismissed' | 'paused'): void => {
    if (outcome !== 'paused') ctx.record(outcome, undefined, 0);
    stop();
    ctx.end(outcome, 0);
  };
  const act = (action: ButtonAction): void => {
    ctx.perform(action);
    if (action.type === 'dismiss') finish('dismissed');
    else if (action.type === 'complete') finish('completed');
  };
  const show = (target: Element | null): void => {
    layer = openLayer(ctx, [cornerCss, beaconCss, popoverCss]);
    const opened = (open: boolean): void => {
      if (open) ctx.record('step_viewed', 'open', 0);
    };
    render(
      <LauncherView
        launcher={launcher}
        target={target}
        t={t}
        titleId={titleId}
        act={act}
        opened={opened}
      />,
      layer.el,
    );
    if (ctx.announce) ctx.record('shown', undefined, 0);
  };
  const find = (): Element | null => {
    const element = launcher.target ? findElement(document, launcher.target) : null;
    return element && isVisible(element) ? element : null;
  };

  return {
    get index() {
      return 0;
    },
    start() {
      if (!launcher.target) return show(null);
      abort = new AbortController();
      const { signal } = abort;
      void waitForElement(find, { timeoutMs: ctx.targetWaitMs, signal }).then((element) => {
        if (signal.aborted) return;
        if (element) return show(element);
        ctx.record('target_missing', undefined, 0);
        finish('paused');
      });
    },
    stop,
    onRoute() {},
    onTrack() {},
  };
}

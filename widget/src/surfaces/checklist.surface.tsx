import type { ChecklistDefinition, ChecklistItem, ElementTarget } from '@waymark/shared';
import { localize, translate } from '../ui/i18n';
import { render } from 'preact';
import { evaluatePageRule } from '../core/rule.evaluator';
import type { ContentRun, MountContext } from '../core/surface.port';
import { findElement, isVisible } from '../dom/element.finder';
import { newId } from '../ui/blocks.view';
import { ChecklistView, checklistCss, type ChecklistState } from '../ui/checklist.view';
import { confettiCss } from '../ui/confetti.view';
import { cornerCss } from '../ui/corner.styles';
import { engage } from '../ui/focus';
import { openLayer, type Layer } from '../ui/stage';

const elementState = (target: ElementTarget, state: 'present' | 'visible' | 'absent'): boolean => {
  const element = findElement(document, target);
  return state === 'absent'
    ? !element
    : state === 'present'
      ? !!element
      : !!element && isVisible(element);
};

/**
 * The checklist chunk: a launcher with the count of items done, and a panel of items. Items are
 * ticked by their `doneWhen` rule (checked on events, route changes, content finishing and when
 * the panel opens), or by pressing them when they have none; all done shows the celebration.
 */
export function mount(ctx: MountContext): ContentRun {
  const list = localize(ctx.item.definition as ChecklistDefinition, ctx.locale);
  const t = (text: string): string => translate(text, list.translations, ctx.locale);
  const state: ChecklistState = {
    open: false,
    done: new Set(ctx.saved.items?.filter((id) => list.items.some((item) => item.id === id))),
    celebrating: false,
  };
  const ids = { title: newId(), panel: newId() };
  let layer: Layer | null = null;

  const draw = (): void => {
    if (!layer) return;
    const handlers = { attach, toggle, press, dismiss, finish };
    render(
      <ChecklistView list={list} state={{ ...state }} t={t} ids={ids} {...handlers} />,
      layer.el,
    );
  };
  const attach = (el: HTMLDivElement | null): (() => void) | undefined =>
    el ? engage(el, false, () => (state.celebrating ? finish() : toggle())) : undefined;
  const markDone = (ids: readonly string[]): void => {
    const fresh = ids.filter((id) => !state.done.has(id));
    if (fresh.length === 0) return;
    state.done = new Set([...state.done, ...fresh]);
    const { id: contentId, versionId } = ctx.item;
    for (const itemId of fresh) {
      ctx.send('$checklist_item_completed', { contentId, versionId, itemId });
    }
    ctx.save({ items: [...state.done] });
    if (!state.celebrating && list.items.every((item) => state.done.has(item.id))) {
      state.celebrating = state.open = true;
      ctx.record('completed', undefined, list.items.length);
    }
  };
  const check = (): void => {
    const page = {
      now: Date.now(),
      url: location.href,
      locale: ctx.locale,
      viewport: { width: innerWidth, height: innerHeight },
      element: elementState,
      events: ctx.events(),
      contentState: ctx.contentState,
    };
    const ticked = list.items.filter(
      (item) => item.doneWhen && evaluatePageRule(item.doneWhen, page) === true,
    );
    markDone(ticked.map((item) => item.id));
    draw();
  };
  function toggle(): void {
    state.open = !state.open;
    // Remembered with the progress: the panel opens as the user left it.
    ctx.record('step_viewed', state.open ? 'open' : 'closed', state.done.size);
    if (state.open) check();
    else draw();
    // Closing the panel gives focus back to the launcher.
    if (!state.open) layer?.el.querySelector<HTMLElement>('.launch')?.focus();
  }
  function press(item: ChecklistItem): void {
    if (item.action) {
      // Other content needs the screen: step aside.
      if (item.action.type === 'start') state.open = false;
      ctx.perform(item.action);
    }
    if (!item.doneWhen) markDone([item.id]);
    check();
  }
  const stop = (): void => {
    if (!layer) return;
    render(null, layer.el);
    layer.close();
    layer = null;
  };
  function dismiss(): void {
    ctx.record('dismissed', undefined, state.done.size);
    stop();
    ctx.end('dismissed', state.done.size);
  }
  function finish(): void {
    stop();
    ctx.end('completed', state.done.size);
  }

  return {
    get index() {
      return 0;
    },
    start() {
      layer = openLayer(ctx, [cornerCss, checklistCss, confettiCss]);
      state.open = ctx.saved.stepId ? ctx.saved.stepId === 'open' : list.openOnStart;
      if (ctx.announce) ctx.record('shown', undefined, 0);
      check();
    },
    stop,
    onRoute: check,
    onTrack: check,
    onContent: check,
  };
}

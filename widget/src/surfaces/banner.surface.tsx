import type { BannerDefinition, ButtonAction } from '@waymark/shared';
import { localize, translate } from '../ui/i18n';
import { render } from 'preact';
import type { ContentRun, MountContext } from '../core/surface.port';
import { BlockList, ButtonRow, CloseButton, isButton, newId } from '../ui/blocks.view';
import { openLayer, type Layer } from '../ui/stage';

/**
 * The banner chunk: a bar at the top or bottom. `overlay` floats above the page; `push` sits in
 * the page's flow (its own host element first or last in `<body>`), moving the content aside.
 * It never takes focus. A button that opens a page, starts content or completes finishes it;
 * the × or a dismiss button dismisses it.
 */
export function mount(ctx: MountContext): ContentRun {
  const banner = localize(ctx.item.definition as BannerDefinition, ctx.locale);
  const t = (text: string): string => translate(text, banner.translations, ctx.locale);
  const titleId = newId();
  let layer: Layer | null = null;

  const stop = (): void => {
    if (!layer) return;
    render(null, layer.el);
    layer.close();
    layer = null;
  };
  const finish = (outcome: 'completed' | 'dismissed'): void => {
    ctx.record(outcome, undefined, 0);
    stop();
    ctx.end(outcome, 0);
  };
  const act = (action: ButtonAction): void => {
    ctx.perform(action);
    if (action.type === 'dismiss') finish('dismissed');
    else if (action.type !== 'track') finish('completed');
  };
  const push = banner.mode === 'push';
  const view = (
    <section
      class={`banner ${banner.position}${push ? ' push' : ''}`}
      aria-label={banner.blocks.some((b) => b.type === 'heading') ? undefined : t('Announcement')}
      aria-labelledby={banner.blocks.some((b) => b.type === 'heading') ? titleId : undefined}
    >
      <div class="body">
        <BlockList blocks={banner.blocks} titleId={titleId} />
      </div>
      <ButtonRow buttons={banner.blocks.filter(isButton)} act={act} />
      {banner.dismissible && <CloseButton t={t} onClose={() => finish('dismissed')} />}
    </section>
  );

  return {
    get index() {
      return 0;
    },
    start() {
      layer = openLayer(ctx, [bannerCss], push ? banner.position : undefined);
      render(view, layer.el);
      if (ctx.announce) ctx.record('shown', undefined, 0);
    },
    stop,
    onRoute() {},
    onTrack() {},
  };
}

/** Its own in-flow host (`push`, see `openLayer`), and the banner. */
const bannerCss =
  ':host([data-flow]){position:relative!important;z-index:2147483646!important}' +
  ':host([data-flow=bottom]){position:sticky!important;top:auto!important;bottom:0!important}' +
  '.banner{position:fixed;top:0;left:0;right:0;display:flex;flex-wrap:wrap;align-items:center;justify-content:center;gap:4px 16px;min-height:48px;padding:8px 48px 8px 16px;padding-inline:16px 48px;background:var(--a);color:var(--at);box-shadow:0 2px 12px #10182833;animation:wm-in .2s}' +
  '.banner.bottom{top:auto;bottom:0}' +
  '.banner.push{position:relative}' +
  '.banner .body{display:flex;flex-wrap:wrap;align-items:baseline;gap:0 8px}' +
  '.banner h2{margin:0;font-size:14px}.banner p{margin:0}.banner img{display:none}' +
  '.banner a{color:inherit}' +
  '.banner .foot{margin:0}' +
  '.banner .primary{background:var(--at);color:var(--a)}' +
  '.banner .secondary{box-shadow:inset 0 0 0 1px currentColor}' +
  '.banner .link{color:inherit;text-decoration:underline}' +
  '.banner .x{top:50%;transform:translateY(-50%);color:inherit;opacity:.9}' +
  '.banner :focus-visible{outline-color:var(--at)}';

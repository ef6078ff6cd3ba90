import type { MountContext, Stage } from '../core/surface.port';
import { baseCss } from './base.styles';
import { isRtlLocale } from './i18n';

export const HOST_ID = 'waymark-root';

/** One constructable sheet per CSS text, shared by every shadow root of the document. */
const sheets = new Map<string, CSSStyleSheet>();

/**
 * Adds `css` to a shadow root: a constructable stylesheet (allowed by `style-src 'self'`), or on
 * browsers without them (Safari < 16.4) a `<style>` element carrying the CSP nonce.
 */
function adopt(root: ShadowRoot, css: string, nonce: string | undefined): void {
  try {
    let sheet = sheets.get(css);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(css, sheet);
    }
    if (!root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    const style = document.createElement('style');
    if (nonce) style.nonce = nonce;
    style.textContent = css;
    root.appendChild(style);
  }
}

/** A `<waymark-root>` host with an open shadow root (a custom tag: `div` rules never match). */
function createHost(nonce: string | undefined, flow?: string): [HTMLElement, ShadowRoot] {
  const host = document.createElement('waymark-root');
  host.setAttribute('data-waymark', '');
  if (flow) host.setAttribute('data-flow', flow);
  const root = host.attachShadow({ mode: 'open' });
  adopt(root, baseCss, nonce);
  return [host, root];
}

/** The instance's shadow root on `<waymark-root id="waymark-root">`, created on first use. */
function stageRoot(stage: Stage): [HTMLElement, ShadowRoot] {
  if (!stage.host || !stage.root) {
    [stage.host, stage.root] = createHost(stage.nonce);
    // A second instance (e.g. a preview next to the live widget) must not duplicate the id.
    if (!document.getElementById(HOST_ID)) stage.host.id = HOST_ID;
  }
  return [stage.host, stage.root];
}

/**
 * Ahead of the first draw (a returning visitor's chunk, preloaded before the session answers):
 * the shadow root, not yet in the page, with `css` parsed and adopted, so the draw after the
 * answer only builds the surface (issue 3).
 */
export function prepareStage(stage: Stage, css: readonly (string | undefined)[]): void {
  const root = stageRoot(stage)[1];
  for (const sheet of css) if (sheet) adopt(root, sheet, stage.nonce);
}

/** Where one surface draws: a `.wm` element with the content's theme, direction and language. */
export interface Layer {
  el: HTMLElement;
  close(): void;
}

/**
 * Opens a layer for a surface in the instance's shadow root or, for a banner that pushes the
 * page (`flow`), in its own in-flow host at the top or bottom of `<body>`.
 */
export function openLayer(
  ctx: MountContext,
  css: readonly (string | undefined)[],
  flow?: 'top' | 'bottom',
): Layer {
  const [host, root] = flow ? createHost(ctx.stage.nonce, flow) : stageRoot(ctx.stage);
  for (const sheet of css) if (sheet) adopt(root, sheet, ctx.stage.nonce);
  const el = document.createElement('div');
  el.className = 'wm';
  el.lang = ctx.locale;
  el.dir = isRtlLocale(ctx.locale) ? 'rtl' : 'ltr';
  // A theme field sets the property a host would (`accentText` → `--waymark-accent-text`) on
  // the layer, so the content's theme beats the host's inherited one.
  for (const [key, value] of Object.entries(ctx.theme ?? {}))
    if (value !== undefined)
      el.style.setProperty(
        `--waymark-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
        key === 'radius' ? `${value}px` : String(value),
      );
  root.append(el);
  if (flow) document.body[flow === 'top' ? 'prepend' : 'append'](host);
  // The instance's host goes (back) last in <body>, so the page's own overlays with the same
  // z-index lose to ours; apps that replace <body>'s children wholesale get it back.
  else if (host.nextElementSibling || !host.isConnected) document.body.append(host);
  return {
    el,
    close() {
      el.remove();
      if (flow) host.remove();
    },
  };
}

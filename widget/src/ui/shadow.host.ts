import { widgetCss } from './widget.styles';

export const HOST_ID = 'waymark-root';

export interface ShadowMount {
  host: HTMLElement;
  /** The element Preact renders into, inside the open shadow root. */
  container: HTMLElement;
}

/** Creates `<div id="waymark-root">` with an open shadow root holding the widget's styles. */
export function mountShadowHost(doc: Document, nonce: string | undefined): ShadowMount {
  const host = doc.createElement('div');
  // A second instance (e.g. a preview next to the live widget) must not duplicate the id.
  if (!doc.getElementById(HOST_ID)) host.id = HOST_ID;
  host.setAttribute('data-waymark', '');
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(doc, root, nonce);
  const container = doc.createElement('div');
  container.className = 'wm';
  root.appendChild(container);
  doc.body.appendChild(host);
  return { host, container };
}

function adoptStyles(doc: Document, root: ShadowRoot, nonce: string | undefined): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(widgetCss);
    root.adoptedStyleSheets = [sheet];
    return;
  } catch {
    // Safari < 16.4 has no constructable stylesheets: a <style> element, nonce-able for CSP.
  }
  const style = doc.createElement('style');
  if (nonce) style.nonce = nonce;
  style.textContent = widgetCss;
  root.appendChild(style);
}

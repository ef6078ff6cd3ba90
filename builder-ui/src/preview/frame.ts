// The live preview frame (dist/preview.js): a stand-in app page on which the widget's own
// `preview()` renders what the author is editing. It takes orders only from the builder page
// that embeds it (same origin, parent window).
import { Waymark } from '@waymark/widget';
import { isPreviewPing, isPreviewRender, type PreviewNotice } from './preview-protocol';

/** A plain app skeleton with the `data-tour` targets the templates point at. */
function mockApp(): HTMLElement {
  const el = (tag: string, cls: string, attrs: Record<string, string> = {}, text = '') => {
    const node = document.createElement(tag);
    node.className = cls;
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
    if (text) node.textContent = text;
    return node;
  };
  const app = el('div', 'mock-app', { 'aria-hidden': 'true' });
  const top = el('header', 'mock-top');
  top.append(
    el('span', 'mock-logo', {}, 'Your app'),
    el('span', 'mock-create', { 'data-tour': 'create' }, '+ New'),
    el('span', 'mock-help', { 'data-tour': 'help' }, '?'),
  );
  const nav = el('nav', 'mock-nav', { 'data-tour': 'navigation' });
  for (const label of ['Home', 'Projects', 'Reports', 'Settings']) {
    nav.append(el('span', 'mock-nav-item', {}, label));
  }
  const main = el('main', 'mock-main');
  for (let i = 0; i < 4; i++) main.append(el('div', 'mock-card'));
  const body = el('div', 'mock-body');
  body.append(nav, main);
  app.append(top, body);
  return app;
}

// Rendering must never pull the keyboard out of the field the author is typing in: surfaces
// focus themselves when they open, so focusing waits until the author works inside the frame.
const focus = HTMLElement.prototype.focus;
HTMLElement.prototype.focus = function focusWhenActive(this: HTMLElement, options?: FocusOptions) {
  if (document.hasFocus()) focus.call(this, options);
};

document.body.append(mockApp());
const waymark = new Waymark();
const notify = (type: PreviewNotice['type']) => parent.postMessage({ type }, self.origin);
waymark.on('content:completed', () => notify('waymark-preview:ended'));
waymark.on('content:dismissed', () => notify('waymark-preview:ended'));

window.addEventListener('message', (event) => {
  // `self.origin`, not `location.origin`: a srcdoc document's URL is about:srcdoc.
  if (event.origin !== self.origin || event.source !== parent) return;
  if (isPreviewPing(event.data)) notify('waymark-preview:ready');
  if (!isPreviewRender(event.data)) return;
  const { definition, locale, theme, startAt } = event.data;
  document.documentElement.lang = locale;
  waymark.preview(definition, { locale, startAt, ...(theme ? { theme } : {}) });
});
notify('waymark-preview:ready');

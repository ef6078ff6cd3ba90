// Builder mode's element picker (in the `builder` chunk). Hovering highlights the element under
// the pointer (an overlay in our own shadow root, transparent to the pointer); a click (captured,
// so the app never sees it) sends the element's fingerprint to the builder window that opened
// this one; Esc cancels.
import type { ElementTarget } from '@waymark/shared';
import { countMatches, fingerprintOf } from './element.fingerprint';
import { fragileSignals, type FragileSignal } from './fingerprint.rules';

export interface PickerOptions {
  /** The one-time token from the URL: the builder accepts only a message carrying it. */
  token: string;
  /** The builder's origin (the widget's apiHost): the only window the message may reach. */
  builderOrigin: string;
  nonce: string | undefined;
}

/** What the builder receives (`window.opener.postMessage`). */
export type PickerMessage =
  | {
      type: 'waymark:picked';
      token: string;
      target: ElementTarget;
      matches: number;
      fragile: FragileSignal[];
    }
  | { type: 'waymark:pick-cancelled'; token: string };

const PICKER_CSS =
  ':host{all:initial!important;position:fixed!important;inset:0!important;z-index:2147483647!important;pointer-events:none!important}' +
  '.box{position:fixed;display:none;box-sizing:border-box;border:2px solid #4f46e5;background:#4f46e51f;border-radius:3px}' +
  '.tag{position:fixed;display:none;padding:2px 6px;border-radius:4px;background:#4f46e5;color:#fff;font:600 12px/1.5 system-ui,sans-serif;white-space:nowrap;max-width:60vw;overflow:hidden;text-overflow:ellipsis}' +
  '.bar{position:fixed;left:50%;bottom:16px;transform:translateX(-50%);padding:10px 16px;border-radius:10px;background:#1d2433;color:#fff;font:14px/1.4 system-ui,sans-serif;box-shadow:0 8px 24px #0004}';

/** The element a click on `node` means: the control it sits in (a button's icon → the button). */
const CONTROLS =
  'a[href],button,input,select,textarea,summary,label,[role=button],[role=link],[role=tab],[role=menuitem],[role=checkbox],[role=option]';

/** Starts picking; returns a function that stops it (removes the overlay and listeners). */
export function startPicker({ token, builderOrigin, nonce }: PickerOptions): () => void {
  const host = document.createElement('waymark-picker');
  host.setAttribute('data-waymark', '');
  const root = host.attachShadow({ mode: 'open' });
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(PICKER_CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    if (nonce) style.nonce = nonce;
    style.textContent = PICKER_CSS;
    root.append(style);
  }
  const make = (className: string): HTMLElement => {
    const element = document.createElement('div');
    element.className = className;
    root.append(element);
    return element;
  };
  const box = make('box');
  const tag = make('tag');
  const bar = make('bar');
  bar.setAttribute('role', 'status');
  bar.textContent = 'Waymark: click the element to target. Esc cancels.';
  document.documentElement.append(host);

  const opener = window.opener as Window | null;
  let hovered: Element | null = null;
  let frame = 0;

  const elementOf = (event: Event): Element | null => {
    const node = event.composedPath()[0] ?? event.target;
    if (!(node instanceof Element) || host.contains(node) || node === host) return null;
    return node.closest(CONTROLS) ?? node;
  };
  const draw = (): void => {
    frame = 0;
    const shown = hovered?.isConnected === true;
    box.style.display = tag.style.display = shown ? 'block' : 'none';
    if (!shown || !hovered) return;
    const { left, top, width, height } = hovered.getBoundingClientRect();
    Object.assign(box.style, {
      left: `${left}px`,
      top: `${top}px`,
      width: `${width}px`,
      height: `${height}px`,
    });
    const text = fingerprintOf(hovered).target.text;
    tag.textContent = `${hovered.tagName.toLowerCase()}${text ? ` “${text}”` : ''}`;
    const x = Math.min(Math.max(4, left), innerWidth - tag.offsetWidth - 4);
    Object.assign(tag.style, {
      left: `${Math.max(4, x)}px`,
      top: `${top > 28 ? top - 26 : top + height + 4}px`,
    });
  };
  const redraw = (): void => {
    if (!frame) frame = requestAnimationFrame(draw);
  };
  const send = (message: PickerMessage): void => {
    opener?.postMessage(message, builderOrigin);
  };
  const finish = (text: string): void => {
    stop(false);
    hovered = null;
    draw();
    bar.textContent = text;
  };

  const onMove = (event: Event): void => {
    hovered = elementOf(event);
    redraw();
  };
  // The app must not react to the picking click: swallow every part of it.
  const swallow = (event: Event): void => {
    if (!elementOf(event)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  const onClick = (event: Event): void => {
    const element = elementOf(event);
    if (!element) return;
    swallow(event);
    const { target, skippedGeneratedId } = fingerprintOf(element);
    const matches = countMatches(document, target);
    const fragile = fragileSignals(target, { matches, skippedGeneratedId });
    send({ type: 'waymark:picked', token, target, matches, fragile });
    finish(
      opener
        ? 'Sent to the Waymark builder. You can close this window.'
        : 'Open this page from the Waymark builder to pick an element.',
    );
  };
  const onKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopImmediatePropagation();
    send({ type: 'waymark:pick-cancelled', token });
    finish('Picking cancelled. You can close this window.');
  };

  const pressEvents = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'auxclick', 'dblclick'];
  const stop = (removeHost: boolean): void => {
    removeEventListener('pointermove', onMove, true);
    removeEventListener('scroll', redraw, true);
    removeEventListener('resize', redraw);
    removeEventListener('click', onClick, true);
    removeEventListener('keydown', onKey, true);
    for (const name of pressEvents) removeEventListener(name, swallow, true);
    cancelAnimationFrame(frame);
    frame = 0;
    if (removeHost) host.remove();
  };
  addEventListener('pointermove', onMove, true);
  addEventListener('scroll', redraw, true);
  addEventListener('resize', redraw);
  addEventListener('click', onClick, true);
  addEventListener('keydown', onKey, true);
  for (const name of pressEvents) addEventListener(name, swallow, true);
  return () => stop(true);
}

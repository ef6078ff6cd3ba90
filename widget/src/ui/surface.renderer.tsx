import { render } from 'preact';
import type { StepView, Surface } from '../core/surface.port';
import { mountShadowHost, type ShadowMount } from './shadow.host';
import { SurfaceView } from './surface.view';

/** Draws steps into one shadow root on a host appended to `document.body`, created lazily. */
export class SurfaceRenderer implements Surface {
  #doc: Document;
  #nonce: string | undefined;
  #mount: ShadowMount | null = null;

  constructor(doc: Document, nonce: string | undefined) {
    this.#doc = doc;
    this.#nonce = nonce;
  }

  show(view: StepView): void {
    const mount = (this.#mount ??= mountShadowHost(this.#doc, this.#nonce));
    // Some apps replace <body>'s children wholesale; put the host back.
    if (!mount.host.isConnected) this.#doc.body.appendChild(mount.host);
    render(<SurfaceView view={view} />, mount.container);
  }

  hide(): void {
    if (this.#mount) render(null, this.#mount.container);
  }

  destroy(): void {
    this.hide();
    this.#mount?.host.remove();
    this.#mount = null;
  }
}

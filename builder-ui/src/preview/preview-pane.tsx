import type { ContentDefinition, Theme } from '@waymark/shared';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  PREVIEW_DOCUMENT,
  isPreviewNotice,
  type PreviewPing,
  type PreviewRender,
} from './preview-protocol';

interface PreviewPaneProps {
  definition: ContentDefinition;
  /** The shared theme merged with the definition's own overrides. */
  theme: Theme | undefined;
  /** The step or question being edited. */
  selected: number;
}

type Viewport = 'desktop' | 'mobile';
const SOURCE = 'en';

/**
 * The live preview: the widget's own surfaces, rendered by `waymark.preview()` in a frame (its
 * surfaces are `position: fixed`, so they need a page of their own), redrawn as the author edits.
 */
export function PreviewPane({ definition, theme, selected }: PreviewPaneProps) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [ready, setReady] = useState(false);
  const [ended, setEnded] = useState(false);
  const [viewport, setViewport] = useState<Viewport>('desktop');
  const [locale, setLocale] = useState(SOURCE);
  const [replay, setReplay] = useState(0);
  const [reloads, setReloads] = useState(0);
  const [slow, setSlow] = useState(false);
  const locales = [
    SOURCE,
    ...Object.keys(definition.translations ?? {}).filter((l) => l.toLowerCase() !== SOURCE),
  ];
  const shownLocale = locales.includes(locale) ? locale : SOURCE;

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== self.origin || event.source !== frame.current?.contentWindow) return;
      if (!isPreviewNotice(event.data)) return;
      if (event.data.type === 'waymark-preview:ready') setReady(true);
      else setEnded(true);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  useEffect(() => {
    setSlow(false);
    if (ready) return;
    const timer = setTimeout(() => setSlow(true), 5000);
    return () => clearTimeout(timer);
  }, [ready, viewport, reloads]);

  useEffect(() => {
    if (!ready) return;
    // Typing redraws at most a few times a second, once the keys pause.
    const timer = setTimeout(() => {
      const message: PreviewRender = {
        type: 'waymark-preview:render',
        definition,
        locale: shownLocale,
        theme,
        startAt: selected,
      };
      frame.current?.contentWindow?.postMessage(message, self.origin);
      setEnded(false);
    }, 150);
    return () => clearTimeout(timer);
  }, [ready, definition, theme, selected, shownLocale, viewport, replay]);

  return (
    <section class="preview-pane" aria-labelledby="preview-title">
      <div class="preview-bar">
        <h2 id="preview-title" class="editor-section-title">
          Preview
        </h2>
        <div class="preview-viewports" role="group" aria-label="Viewport">
          {(['desktop', 'mobile'] as const).map((v) => (
            <button
              key={v}
              type="button"
              class="button button-small"
              aria-pressed={viewport === v}
              onClick={() => {
                setReady(false);
                setViewport(v);
              }}
            >
              {v === 'desktop' ? 'Desktop' : 'Mobile (360 px)'}
            </button>
          ))}
        </div>
        <div class="preview-locale">
          <label for="preview-locale">Locale</label>
          <select
            class="edit-select"
            id="preview-locale"
            value={shownLocale}
            onChange={(event) => setLocale(event.currentTarget.value)}
          >
            {locales.map((l) => (
              <option key={l} value={l}>
                {l === SOURCE ? `${l} (source text)` : l}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div class={`preview-stage preview-${viewport}`}>
        <iframe
          key={`${viewport}-${reloads}`}
          ref={frame}
          class="preview-frame"
          title={`Live preview, ${viewport === 'desktop' ? 'desktop' : 'mobile 360 px'}, locale ${shownLocale}`}
          srcdoc={PREVIEW_DOCUMENT}
          // Its module script has run by the load event: ask again in case "ready" came early.
          onLoad={(event) =>
            event.currentTarget.contentWindow?.postMessage(
              { type: 'waymark-preview:ping' } satisfies PreviewPing,
              self.origin,
            )
          }
        />
      </div>
      <p class="preview-status muted" aria-live="polite">
        {!ready
          ? slow
            ? 'The preview is taking long to load. '
            : 'Loading the preview…'
          : ended
            ? 'The preview was closed. '
            : 'Showing what you edit.'}
        {!ready && slow && (
          <button
            type="button"
            class="button button-small"
            onClick={() => setReloads((n) => n + 1)}
          >
            Reload the preview
          </button>
        )}
        {ready && ended && (
          <button type="button" class="button button-small" onClick={() => setReplay((n) => n + 1)}>
            Show again
          </button>
        )}
      </p>
    </section>
  );
}

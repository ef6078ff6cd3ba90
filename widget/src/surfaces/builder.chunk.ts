// The `builder` chunk: what runs when the builder opens the customer's app. Built on its own (no
// preact) and not part of any surface's download; core loads it only when the URL carries
// `#waymark-pick=<token>` or `#waymark-preview=<token>`, or this tab is previewing a draft.
import type { ContentDefinition, Theme } from '@waymark/shared';
import { hashToken, PREVIEW_KEY, tabValue } from '../core/builder.mode';
import type { Logger } from '../core/debug.logger';
import type {
  ContentEventPayload,
  PreviewOptions,
  WaymarkEventName,
  WaymarkListener,
  WaymarkOptions,
} from '../public.types';
import { startPicker } from '../dom/element.picker';

/** What `GET /sdk/v1/preview?token=…` answers (the fields the widget reads). */
interface PreviewAnswer {
  definition: ContentDefinition;
  theme?: Theme;
}

export interface BuilderModeDeps {
  /** The widget's own options: `apiHost` is the builder's origin. */
  options: Pick<WaymarkOptions, 'apiHost' | 'nonce'>;
  /** The workspace's SDK key: a preview token opens only its own workspace's draft. */
  sdkKey: string;
  log: Logger;
  /** The widget, whose listeners follow a draft preview. */
  waymark: { on(name: WaymarkEventName, listener: WaymarkListener): void };
  /** Runs a definition as a preview on this page (its links navigate). */
  preview(definition: ContentDefinition, options: PreviewOptions): void;
}

/**
 * `#waymark-pick=<token>`: starts the element picker. Else a draft preview: the token from the
 * hash (kept in sessionStorage, so the tab's next pages of a multi-page tour keep it) is fetched
 * and shown from the step last viewed; finishing or dismissing it ends the preview.
 */
export function startBuilderMode(deps: BuilderModeDeps): void {
  const { options, log, waymark } = deps;
  const builderOrigin = new URL(options.apiHost).origin;
  const { nonce } = options;
  const pick = hashToken(location.hash, 'pick');
  if (pick) {
    startPicker({ token: pick, builderOrigin, nonce });
    return;
  }
  const token = hashToken(location.hash, 'preview') ?? tabValue(PREVIEW_KEY);
  if (!token) return;
  tabValue(PREVIEW_KEY, token);
  const step = `${PREVIEW_KEY}.step`;
  waymark.on('step:viewed', (e) => {
    if (e.preview) tabValue(step, String(e.stepIndex ?? 0));
  });
  const over = (e: ContentEventPayload): void => {
    if (e.preview) for (const key of [PREVIEW_KEY, step]) tabValue(key, null);
  };
  waymark.on('content:completed', over);
  waymark.on('content:dismissed', over);
  fetch(`${builderOrigin}/sdk/v1/preview?token=${encodeURIComponent(token)}`, {
    headers: { 'x-waymark-key': deps.sdkKey },
  })
    .then(async (res) => {
      if (!res.ok) throw new Error(`preview ${res.status}`);
      const { definition, theme } = (await res.json()) as PreviewAnswer;
      const startAt = Number(tabValue(step)) || 0;
      deps.preview(definition, { ...(theme ? { theme } : {}), startAt });
    })
    .catch((error: unknown) => {
      log.error('loading the preview failed', error);
      tabValue(PREVIEW_KEY, null);
    });
}

import type { JsonValue } from './core/surface.port';
import type { ContentDefinition, Theme } from '@waymark/shared';

/** Options for `waymark.init`. */
export interface WaymarkOptions {
  /** Origin of the Waymark server, e.g. `https://waymark.example.com` (no trailing path). */
  apiHost: string;
  /** BCP 47 locale: picks translations and right-to-left layout. Default: `navigator.language`. */
  locale?: string;
  /** Log verbose diagnostics to the console. Default: `false` (only one-line errors). */
  debug?: boolean;
  /**
   * CSP nonce for the fallback `<style>` element, used only by browsers without constructable
   * stylesheets (Safari < 16.4). Default: none.
   */
  nonce?: string;
  /** Record a `page` event on load and on every route change. Default: `true`. */
  trackPages?: boolean;
}

/** Options for `waymark.identify`. */
export interface IdentifyOptions {
  /** HMAC-SHA256 of the user id with the workspace identity secret, when verification is on. */
  userHash?: string;
}

/** Options for `waymark.preview`. */
export interface PreviewOptions {
  /** Locale to render in. Default: the `init` locale, else `navigator.language`. */
  locale?: string;
  /** Overrides the definition's own theme, field by field. */
  theme?: Theme;
  /**
   * The step (flows) or question (surveys) index to open at, clamped to the last one; the
   * builder shows the step being edited. Other kinds ignore it. Default: `0`.
   */
  startAt?: number;
}

/** Names accepted by `waymark.on` / `waymark.off`. */
export type WaymarkEventName =
  'content:shown' | 'content:completed' | 'content:dismissed' | 'step:viewed' | 'survey:answered';

/** What listeners receive. `preview` is true for content rendered by `waymark.preview`. */
export interface ContentEventPayload {
  contentId: string;
  versionId: string;
  stepId?: string;
  stepIndex?: number;
  /** `survey:answered` only. */
  questionId?: string;
  answer?: JsonValue;
  preview: boolean;
}

export type WaymarkListener = (payload: ContentEventPayload) => void;

/** What `waymark.debug.why(contentId)` resolves to (and logs). */
export interface WhyReport {
  contentId: string;
  /** `showing` now; `waiting` for a trigger; `blocked` by something on this page; `unknown`. */
  status: 'showing' | 'waiting' | 'blocked' | 'unknown';
  reasons: string[];
}

export type { ContentDefinition };

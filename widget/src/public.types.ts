/** Options for `waymark.init`. */
export interface WaymarkOptions {
  /** Origin of the Waymark server, e.g. `https://waymark.example.com` (no trailing path). */
  apiHost: string;
  /** BCP 47 locale sent with the session. Default: `navigator.language`. */
  locale?: string;
  /** Log verbose diagnostics to the console. Default: `false` (only one-line errors). */
  debug?: boolean;
  /**
   * CSP nonce for the fallback `<style>` element, used only by browsers without constructable
   * stylesheets (Safari < 16.4). Default: none.
   */
  nonce?: string;
}

/** Options for `waymark.identify`. */
export interface IdentifyOptions {
  /** HMAC-SHA256 of the user id with the workspace identity secret, when verification is on. */
  userHash?: string;
}

/** Names accepted by `waymark.on` / `waymark.off`. */
export type WaymarkEventName =
  'content:shown' | 'content:completed' | 'content:dismissed' | 'step:viewed';

/** What listeners receive. `preview` is true for content rendered by `waymark.preview`. */
export interface ContentEventPayload {
  contentId: string;
  versionId: string;
  stepId?: string;
  stepIndex?: number;
  preview: boolean;
}

export type WaymarkListener = (payload: ContentEventPayload) => void;

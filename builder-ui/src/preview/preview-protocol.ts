import type { ContentDefinition, Theme } from '@waymark/shared';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Builder → preview frame: render this. */
export interface PreviewRender {
  type: 'waymark-preview:render';
  definition: ContentDefinition;
  locale: string;
  theme: Theme | undefined;
  /** The step or question being edited. */
  startAt: number;
}

/** Builder → preview frame: answer `ready` if you are listening (sent on the frame's load). */
export interface PreviewPing {
  type: 'waymark-preview:ping';
}

export const isPreviewPing = (data: unknown): data is PreviewPing =>
  isRecord(data) && data.type === 'waymark-preview:ping';

/** Preview frame → builder: loaded and listening; or the previewed content closed. */
export interface PreviewNotice {
  type: 'waymark-preview:ready' | 'waymark-preview:ended';
}

export const isPreviewRender = (data: unknown): data is PreviewRender =>
  isRecord(data) &&
  data.type === 'waymark-preview:render' &&
  isRecord(data.definition) &&
  typeof data.locale === 'string' &&
  typeof data.startAt === 'number';

export const isPreviewNotice = (data: unknown): data is PreviewNotice =>
  isRecord(data) &&
  (data.type === 'waymark-preview:ready' || data.type === 'waymark-preview:ended');

// The frame's content-hashed script and stylesheet, set by build.mjs (esbuild `define`).
declare const WAYMARK_PREVIEW_SCRIPT: string | undefined;
declare const WAYMARK_PREVIEW_STYLE: string | undefined;
const previewAssets = {
  script:
    typeof WAYMARK_PREVIEW_SCRIPT === 'string' ? WAYMARK_PREVIEW_SCRIPT : '/assets/preview.js',
  style: typeof WAYMARK_PREVIEW_STYLE === 'string' ? WAYMARK_PREVIEW_STYLE : '/assets/preview.css',
};

/**
 * The frame's document. A `srcdoc` frame has the builder's origin and CSP, so the external
 * script and stylesheet load under `script-src 'self'; style-src 'self'` with no server route.
 */
export const PREVIEW_DOCUMENT = [
  '<!doctype html>',
  '<html lang="en">',
  '<head>',
  '<meta charset="utf-8">',
  '<meta name="viewport" content="width=device-width, initial-scale=1">',
  '<title>Preview</title>',
  `<link rel="stylesheet" href="${previewAssets.style}">`,
  `<script type="module" src="${previewAssets.script}"></script>`,
  '</head>',
  '<body></body>',
  '</html>',
].join('');

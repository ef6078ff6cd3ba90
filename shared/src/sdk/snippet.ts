/**
 * The methods the loader stub queues as `[method, ...args]` until the bundle arrives and replays
 * them (the widget's public API).
 */
export const snippetMethods = [
  'init',
  'identify',
  'group',
  'track',
  'page',
  'reset',
  'start',
  'on',
  'off',
  'preview',
  'destroy',
] as const;

export interface SnippetOptions {
  /** The workspace's public SDK key. */
  sdkKey: string;
  /** Origin of the Waymark server; the bundle loads from `{apiHost}/sdk/waymark.js`. */
  apiHost: string;
  /** CSP nonce: set on the inline script and on the script it inserts. Default: none. */
  nonce?: string;
}

/** JSON that is also safe inside `<script>`: no `</script>`, no JS-breaking line separators. */
const js = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

const attribute = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The async loader customers paste into their HTML (Segment-style): a `window.waymark` stub that
 * queues calls, an async `<script>` for the bundle, and `waymark.init(...)` queued first. The
 * bundle replays the queue onto the real instance and replaces the stub.
 */
export function snippet({ sdkKey, apiHost, nonce }: SnippetOptions): string {
  const host = apiHost.replace(/\/+$/, '');
  const options = nonce === undefined ? { apiHost: host } : { apiHost: host, nonce };
  const code =
    '!function(w,d){var q=w.waymark=w.waymark||[];if(!q.push||q.invoked)return;q.invoked=!0;' +
    `var m=${js(snippetMethods)};` +
    'm.forEach(function(k){q[k]=function(){q.push([k].concat([].slice.call(arguments)));return q}});' +
    `var s=d.createElement("script");s.async=!0;s.src=${js(`${host}/sdk/waymark.js`)};` +
    (nonce === undefined ? '' : `s.nonce=${js(nonce)};`) +
    '(d.head||d.documentElement).appendChild(s);' +
    `q.init(${js(sdkKey)},${js(options)})}(window,document);`;
  const open = nonce === undefined ? '<script>' : `<script nonce="${attribute(nonce)}">`;
  return `${open}\n${code}\n</script>`;
}

/** The methods the loader stub queues until the bundle arrives. */
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
] as const;

export interface SnippetOptions {
  sdkKey: string;
  /** Origin of the Waymark server, e.g. `https://waymark.example.com`. */
  apiHost: string;
  /** CSP nonce for the inline script, when the page uses one. */
  nonce?: string;
}

const quote = (value: string): string => JSON.stringify(value).replace(/</g, '\\u003c');
const escapeAttribute = (value: string): string => value.replace(/[^A-Za-z0-9+/=_-]/g, '');

/**
 * The async loader customers paste: a stub `window.waymark` that queues calls as
 * `[method, ...args]`, loads `/sdk/waymark.js` without blocking the page, and queues `init`.
 * The bundle replays the queue and replaces the stub.
 */
export function snippet({ sdkKey, apiHost, nonce }: SnippetOptions): string {
  const host = apiHost.replace(/\/+$/, '');
  const body = [
    '!function(w,d,k,h){var q=w.waymark=w.waymark||[];if(q.initialize)return;q.initialize=1;',
    `var m=${JSON.stringify(snippetMethods)};`,
    'm.forEach(function(n){q[n]=function(){q.push([n].concat([].slice.call(arguments)));return q}});',
    "var s=d.createElement('script');s.async=true;s.src=h+'/sdk/waymark.js';",
    'd.head.appendChild(s);q.init(k,{apiHost:h});q.page()',
    `}(window,document,${quote(sdkKey)},${quote(host)});`,
  ].join('');
  const nonceAttribute = nonce ? ` nonce="${escapeAttribute(nonce)}"` : '';
  return `<script${nonceAttribute}>${body}</script>`;
}

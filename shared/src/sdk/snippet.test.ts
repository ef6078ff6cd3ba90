import { snippet, snippetMethods } from './snippet.js';

interface FakeScript {
  src?: string;
  async?: boolean;
  nonce?: string;
}

/** Runs the pasted snippet's code against a minimal window/document and returns what it did. */
function paste(html: string, window: { waymark?: unknown } = {}) {
  const code = /^<script(?: nonce="[^"]*")?>\n([\s\S]*)\n<\/script>$/.exec(html)?.[1] ?? '';
  const scripts: FakeScript[] = [];
  const document = {
    createElement: (): FakeScript => ({}),
    head: { appendChild: (element: FakeScript) => scripts.push(element) },
  };
  new Function('window', 'document', code)(window, document);
  // The stub is an array with methods attached: compare its entries as plain JSON.
  const calls = JSON.parse(JSON.stringify(window.waymark)) as unknown[];
  return { window, scripts, calls };
}

describe('snippet', () => {
  it('loads the bundle asynchronously from the API host and queues init first', () => {
    const { scripts, calls } = paste(
      snippet({ sdkKey: 'wm_pk_123', apiHost: 'https://waymark.example.com/' }),
    );

    expect(scripts).toEqual([{ async: true, src: 'https://waymark.example.com/sdk/waymark.js' }]);
    expect(calls).toEqual([['init', 'wm_pk_123', { apiHost: 'https://waymark.example.com' }]]);
  });

  it('installs a stub that queues every public method with its arguments', () => {
    const { window } = paste(snippet({ sdkKey: 'k', apiHost: 'https://w.example' }));
    const stub = window.waymark as Record<string, (...args: unknown[]) => unknown>;

    stub['identify']?.('user-1', { plan: 'pro' });
    stub['track']?.('Project Created', { size: 3 });

    expect(snippetMethods.every((method) => typeof stub[method] === 'function')).toBe(true);
    expect(JSON.parse(JSON.stringify(stub))).toEqual([
      ['init', 'k', { apiHost: 'https://w.example' }],
      ['identify', 'user-1', { plan: 'pro' }],
      ['track', 'Project Created', { size: 3 }],
    ]);
  });

  it('does nothing when pasted twice', () => {
    const html = snippet({ sdkKey: 'k', apiHost: 'https://w.example' });
    const first = paste(html);

    const second = paste(html, first.window);

    expect(second.scripts).toHaveLength(0);
    expect(second.calls).toHaveLength(1);
  });

  it('puts the nonce on the inline script, the inserted script and the init options', () => {
    const html = snippet({ sdkKey: 'k', apiHost: 'https://w.example', nonce: 'r4nd0m+/=' });
    const { scripts, calls } = paste(html);

    expect(html.startsWith('<script nonce="r4nd0m+/=">')).toBe(true);
    expect(scripts[0]?.nonce).toBe('r4nd0m+/=');
    expect(calls[0]).toEqual(['init', 'k', { apiHost: 'https://w.example', nonce: 'r4nd0m+/=' }]);
  });

  it('cannot be broken out of by hostile values', () => {
    const sdkKey = '</script><script>alert(1)</script>\u2028';
    const html = snippet({ sdkKey, apiHost: 'https://w.example', nonce: '"><img src=x>' });

    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(html.split('\n')[0]).toBe('<script nonce="&quot;>&lt;img src=x>">');
    expect(paste(html).calls[0]).toEqual([
      'init',
      sdkKey,
      { apiHost: 'https://w.example', nonce: '"><img src=x>' },
    ]);
  });
});

import { snippet } from './snippet.js';

describe('snippet', () => {
  it('embeds the key and host as JSON strings and the nonce as an attribute', () => {
    const html = snippet({
      sdkKey: 'wm_pk_abc',
      apiHost: 'https://wm.example.com/',
      nonce: 'n0nce',
    });
    expect(html.startsWith('<script nonce="n0nce">')).toBe(true);
    expect(html).toContain('"wm_pk_abc","https://wm.example.com"');
  });

  it('cannot be broken out of by a hostile key or nonce', () => {
    const html = snippet({ sdkKey: '</script><img src=x>', apiHost: 'https://a', nonce: '"><x' });
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).toContain('nonce="x"');
  });
});

import { isValidElement, type ComponentChildren } from 'preact';
import { isSafeHref, parseMarkdown } from './markdown.view';

/**
 * Nodes as the HTML the DOM would hold (text escaped, attributes left undefined omitted), so
 * the cases read as what the reader sees; adjacent text nodes read as one, as in `innerHTML`.
 */
const html = (node: ComponentChildren): string => {
  if (Array.isArray(node)) return node.map(html).join('');
  if (isValidElement(node)) {
    const { children, ...attributes } = node.props as { children?: ComponentChildren };
    const attrs = Object.entries(attributes)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => ` ${name}="${String(value)}"`)
      .join('');
    const tag = String(node.type);
    return children === undefined
      ? `<${tag}${attrs}>`
      : `<${tag}${attrs}>${html(children)}</${tag}>`;
  }
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  return String(node).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
};
const md = (source: string): string => html(parseMarkdown(source));

describe('parseMarkdown', () => {
  it('splits paragraphs on blank lines and keeps single newlines as breaks', () => {
    expect(md('First line\nsecond line\n\n  \n\nNext paragraph\r\n')).toBe(
      '<p>First line<br>second line</p><p>Next paragraph</p>',
    );
  });

  it('parses bold, italic, code and links into nodes', () => {
    expect(
      md('Click **Save**, then *wait* for `sync` or [read more](https://docs.example.com/a).'),
    ).toBe(
      '<p>Click <strong>Save</strong>, then <em>wait</em> for <code>sync</code> or ' +
        '<a href="https://docs.example.com/a" target="_blank" rel="noopener noreferrer">' +
        'read more</a>.</p>',
    );
  });

  it('nests italic and code inside bold, and bold inside a link label', () => {
    expect(md('**a *b* `c`**')).toBe('<p><strong>a <em>b</em> <code>c</code></strong></p>');
    expect(md('[**Docs**](https://x.example)')).toBe(
      '<p><a href="https://x.example" target="_blank" rel="noopener noreferrer">' +
        '<strong>Docs</strong></a></p>',
    );
  });

  it('keeps HTML as literal text', () => {
    const nodes = parseMarkdown('<img src=x onerror="alert(1)"> <b>hi</b>');

    expect(html(nodes)).toBe('<p>&lt;img src=x onerror="alert(1)"&gt; &lt;b&gt;hi&lt;/b&gt;</p>');
    // One paragraph holding only strings: nothing here becomes an element.
    expect(nodes).toHaveLength(1);
    expect((nodes[0]?.props as { children: unknown[] }).children).toEqual([
      '<img src=x onerror="alert(1)"> <b>hi</b>',
    ]);
  });

  it('drops unsafe link targets but keeps their label as text', () => {
    expect(md('Go [there](javascript:alert(1)) now')).toBe('<p>Go there) now</p>');
    expect(md('[home](/relative)')).toBe('<p>home</p>');
  });

  it('leaves unmatched or space-padded delimiters as text', () => {
    expect(md('2 * 3 * 4 = 24')).toBe('<p>2 * 3 * 4 = 24</p>');
    expect(md('**open and `tick')).toBe('<p>**open and `tick</p>');
  });

  it('honours backslash escapes and keeps code spans literal', () => {
    expect(md('\\*not italic\\* and `**raw**`')).toBe(
      '<p>*not italic* and <code>**raw**</code></p>',
    );
  });

  it('returns no paragraphs for blank input', () => {
    expect(parseMarkdown(' \n\n \n')).toEqual([]);
  });
});

describe('parseMarkdown lists', () => {
  it('parses a bulleted list after a paragraph line, with inline markup in items', () => {
    expect(md('You can:\n- **invite** people\n* set [roles](https://x.test/r)')).toBe(
      '<p>You can:</p><ul><li><strong>invite</strong> people</li>' +
        '<li>set <a href="https://x.test/r" target="_blank" rel="noopener noreferrer">roles</a>' +
        '</li></ul>',
    );
  });

  it('parses a numbered list keeping its first number, and text after it as a paragraph', () => {
    expect(md('3. Open settings\n4) Save\nThen reload.')).toBe(
      '<ol start="3"><li>Open settings</li><li>Save</li></ol><p>Then reload.</p>',
    );
  });

  it('continues an item on an indented line and splits lists of different kinds', () => {
    expect(md('- one\n  still one\n1. first')).toBe(
      '<ul><li>one<br>still one</li></ul><ol><li>first</li></ol>',
    );
  });

  it('needs a space after the marker, so emphasis and numbers stay text', () => {
    expect(md('*not a list*\n-5 degrees\n2024.')).toBe(
      '<p><em>not a list</em><br>-5 degrees<br>2024.</p>',
    );
  });

  it('keeps HTML in items as literal text', () => {
    expect(md('- <img src=x onerror=alert(1)>')).toBe(
      '<ul><li>&lt;img src=x onerror=alert(1)&gt;</li></ul>',
    );
  });
});

describe('isSafeHref', () => {
  it.each([
    ['https://example.com', true],
    ['HTTP://example.com', true],
    ['mailto:help@example.com', true],
    ['javascript:alert(1)', false],
    ['data:text/html,<b>x</b>', false],
    ['//evil.example', false],
    ['/relative', false],
  ])('%s is %s', (href, safe) => {
    expect(isSafeHref(href)).toBe(safe);
  });
});

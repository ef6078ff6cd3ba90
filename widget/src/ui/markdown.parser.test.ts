import { isSafeHref, parseMarkdown, type MdInline } from './markdown.parser';

/** The inline nodes of the only paragraph. */
const inline = (source: string): MdInline[] => {
  const paragraphs = parseMarkdown(source);
  expect(paragraphs).toHaveLength(1);
  return paragraphs[0]?.children ?? [];
};

describe('parseMarkdown', () => {
  it('splits paragraphs on blank lines and keeps single newlines as breaks', () => {
    expect(parseMarkdown('First line\nsecond line\n\n  \n\nNext paragraph\r\n')).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: 'First line' },
          { type: 'break' },
          { type: 'text', value: 'second line' },
        ],
      },
      { type: 'paragraph', children: [{ type: 'text', value: 'Next paragraph' }] },
    ]);
  });

  it('parses bold, italic, code and links into nodes', () => {
    expect(
      inline('Click **Save**, then *wait* for `sync` or [read more](https://docs.example.com/a).'),
    ).toEqual([
      { type: 'text', value: 'Click ' },
      { type: 'strong', children: [{ type: 'text', value: 'Save' }] },
      { type: 'text', value: ', then ' },
      { type: 'em', children: [{ type: 'text', value: 'wait' }] },
      { type: 'text', value: ' for ' },
      { type: 'code', value: 'sync' },
      { type: 'text', value: ' or ' },
      {
        type: 'link',
        href: 'https://docs.example.com/a',
        children: [{ type: 'text', value: 'read more' }],
      },
      { type: 'text', value: '.' },
    ]);
  });

  it('nests italic and code inside bold, and bold inside a link label', () => {
    expect(inline('**a *b* `c`**')).toEqual([
      {
        type: 'strong',
        children: [
          { type: 'text', value: 'a ' },
          { type: 'em', children: [{ type: 'text', value: 'b' }] },
          { type: 'text', value: ' ' },
          { type: 'code', value: 'c' },
        ],
      },
    ]);
    expect(inline('[**Docs**](https://x.example)')).toEqual([
      {
        type: 'link',
        href: 'https://x.example',
        children: [{ type: 'strong', children: [{ type: 'text', value: 'Docs' }] }],
      },
    ]);
  });

  it('keeps HTML as literal text', () => {
    const html = '<img src=x onerror="alert(1)"> <b>hi</b>';

    expect(inline(html)).toEqual([{ type: 'text', value: html }]);
  });

  it('drops unsafe link targets but keeps their label as text', () => {
    expect(inline('Go [there](javascript:alert(1)) now')).toEqual([
      { type: 'text', value: 'Go there) now' },
    ]);
    expect(inline('[home](/relative)')).toEqual([{ type: 'text', value: 'home' }]);
  });

  it('leaves unmatched or space-padded delimiters as text', () => {
    expect(inline('2 * 3 * 4 = 24')).toEqual([{ type: 'text', value: '2 * 3 * 4 = 24' }]);
    expect(inline('**open and `tick')).toEqual([{ type: 'text', value: '**open and `tick' }]);
  });

  it('honours backslash escapes and keeps code spans literal', () => {
    expect(inline('\\*not italic\\* and `**raw**`')).toEqual([
      { type: 'text', value: '*not italic* and ' },
      { type: 'code', value: '**raw**' },
    ]);
  });

  it('returns no paragraphs for blank input', () => {
    expect(parseMarkdown(' \n\n \n')).toEqual([]);
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

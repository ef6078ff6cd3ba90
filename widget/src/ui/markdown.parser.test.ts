import { isSafeHref, parseMarkdown, type MdInline } from './markdown.parser';

/** The inline nodes of the only paragraph. */
const inline = (source: string): MdInline[] => {
  const paragraphs = parseMarkdown(source);
  expect(paragraphs).toHaveLength(1);
  const [first] = paragraphs;
  return first?.type === 'paragraph' ? first.children : [];
};
const text = (value: string): MdInline => ({ type: 'text', value });

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

describe('parseMarkdown lists', () => {
  it('parses a bulleted list after a paragraph line, with inline markup in items', () => {
    expect(parseMarkdown('You can:\n- **invite** people\n* set [roles](https://x.test/r)')).toEqual(
      [
        { type: 'paragraph', children: [text('You can:')] },
        {
          type: 'list',
          ordered: false,
          start: 1,
          items: [
            [{ type: 'strong', children: [text('invite')] }, text(' people')],
            [text('set '), { type: 'link', href: 'https://x.test/r', children: [text('roles')] }],
          ],
        },
      ],
    );
  });

  it('parses a numbered list keeping its first number, and text after it as a paragraph', () => {
    expect(parseMarkdown('3. Open settings\n4) Save\nThen reload.')).toEqual([
      { type: 'list', ordered: true, start: 3, items: [[text('Open settings')], [text('Save')]] },
      { type: 'paragraph', children: [text('Then reload.')] },
    ]);
  });

  it('continues an item on an indented line and splits lists of different kinds', () => {
    expect(parseMarkdown('- one\n  still one\n1. first')).toEqual([
      {
        type: 'list',
        ordered: false,
        start: 1,
        items: [[text('one'), { type: 'break' }, text('still one')]],
      },
      { type: 'list', ordered: true, start: 1, items: [[text('first')]] },
    ]);
  });

  it('needs a space after the marker, so emphasis and numbers stay text', () => {
    expect(parseMarkdown('*not a list*\n-5 degrees\n2024.')).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'em', children: [text('not a list')] },
          { type: 'break' },
          text('-5 degrees'),
          { type: 'break' },
          text('2024.'),
        ],
      },
    ]);
  });

  it('keeps HTML in items as literal text', () => {
    expect(parseMarkdown('- <img src=x onerror=alert(1)>')).toEqual([
      { type: 'list', ordered: false, start: 1, items: [[text('<img src=x onerror=alert(1)>')]] },
    ]);
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

import { CsvError, csvField, formatCsv, parseCsv } from './strings-csv';

describe('CSV', () => {
  it('quotes only fields that need it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' edge')).toBe('" edge"');
    expect(
      formatCsv([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ).toBe('a,b\r\nc,d\r\n');
  });

  it('round-trips commas, quotes, line breaks, empty cells and unicode', () => {
    const rows = [
      ['source', 'context', 'fr', 'ar', 'ja'],
      ['Next', 'Step 1 › label', 'Suivant', 'التالي', '次へ'],
      ['Hello, "friend"', '', 'Bonjour, « ami »', '', ''],
      ['Line one\nLine two\r\nLine three', 'Block 2 › text', 'Ligne 1\nLigne 2', 'سطر', '行'],
      ['Emoji 🎉 and ß', 'x', 'Émoji 🎉', '🎉', '🎉'],
      [' padded ', ',', '"', '""', ''],
    ];
    expect(parseCsv(formatCsv(rows))).toEqual(rows);
  });

  it('reads LF and CR line ends, a byte-order mark and a missing final line end', () => {
    expect(parseCsv('\uFEFFa,b\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseCsv('a,b\rc,d\r')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('keeps empty fields and drops empty lines', () => {
    expect(parseCsv('a,,c\n\n,b,\n')).toEqual([
      ['a', '', 'c'],
      ['', 'b', ''],
    ]);
  });

  it('rejects an unclosed quote and text after a closing quote', () => {
    expect(() => parseCsv('a,"open\nb')).toThrow(CsvError);
    expect(() => parseCsv('a,"closed"x\n')).toThrow(/after a closing quote/);
  });
});

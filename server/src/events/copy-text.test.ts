import { copyJson, copyText, copyTimestamp, storableText, withoutNul } from './copy-text';

/**
 * COPY text format as PostgreSQL reads one column (docs: COPY, "Text Format"): `\N` alone is
 * NULL; a backslash escapes the next character, with b f n r t v and octal/hex forms.
 */
function decode(column: string): string | null {
  if (column === '\\N') return null;
  let out = '';
  for (let i = 0; i < column.length; i++) {
    const c = column[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = column[++i]!;
    const named: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
    out += named[next] ?? next;
  }
  return out;
}

/** The raw characters a COPY line may never hold inside a column. */
const SEPARATORS = /[\t\n\r]/;

describe('copyText', () => {
  const cases: Array<[string, string]> = [
    ['plain', 'Signed Up'],
    ['tab', 'a\tb'],
    ['newline and carriage return', 'line 1\nline 2\r\n'],
    ['backslashes', 'C:\\path\\to\\n'],
    ['text that looks like NULL', '\\N'],
    ['unicode', 'héllo 日本 👋'],
    ['empty', ''],
  ];
  it.each(cases)('round-trips %s', (_, value) => {
    const encoded = copyText(value);
    expect(SEPARATORS.test(encoded)).toBe(false);
    expect(decode(encoded)).toBe(value);
  });

  it('writes null and undefined as \\N, which an empty string is not', () => {
    expect(copyText(null)).toBe('\\N');
    expect(copyText(undefined)).toBe('\\N');
    expect(decode(copyText(''))).toBe('');
  });

  it('stores NUL and lone surrogates as U+FFFD, keeping well-formed pairs', () => {
    expect(decode(copyText('a\u0000b\tc'))).toBe('a\uFFFDb\tc');
    expect(decode(copyText('x\ud800y\udc00z'))).toBe('x\uFFFDy\uFFFDz');
    expect(decode(copyText('pair 👋 \ud83d'))).toBe('pair 👋 \uFFFD');
    expect(storableText('m\u0000id')).toBe('m\uFFFDid');
  });

  it('returns a value needing no escape as the same string', () => {
    const value = 'user-42';
    expect(copyText(value)).toBe(value);
  });
});

describe('copyJson', () => {
  const values: unknown[] = [
    { plan: 'pro', n: 1.5, ok: true, none: null },
    { path: 'C:\\Users\\x', quote: 'say "hi"', multi: 'a\nb\tc\r' },
    { nested: { list: [1, 'two', { three: '\\N' }] }, emoji: '👋', cjk: '日本' },
    { '\\key\t': 'value' },
    [],
  ];
  it.each(values)('round-trips %j to the same JSON', (value) => {
    const encoded = copyJson(value);
    expect(SEPARATORS.test(encoded)).toBe(false);
    expect(JSON.parse(decode(encoded)!)).toEqual(value);
  });

  it('writes null and undefined as \\N', () => {
    expect(copyJson(null)).toBe('\\N');
    expect(copyJson(undefined)).toBe('\\N');
  });

  it('stores NUL and lone surrogates (refused by jsonb) as U+FFFD', () => {
    const value = { note: 'a\u0000b', lone: 'x\udc00', pair: '👋', path: 'c:\\u0000' };
    expect(JSON.parse(decode(copyJson(value))!)).toEqual({
      note: 'a\uFFFDb',
      lone: 'x\uFFFD',
      pair: '👋',
      // An escaped backslash followed by "u0000" is text, not a NUL: kept as sent.
      path: 'c:\\u0000',
    });
  });

  it('leaves JSON without escapes untouched', () => {
    const json = '{"a":"b"}';
    expect(withoutNul(json)).toBe(json);
  });
});

describe('copyTimestamp', () => {
  const instants = [
    '0000-01-01T00:00:00.000Z',
    '0004-02-29T23:59:59.999Z',
    '0999-12-31T23:59:59.999Z',
    '1600-02-29T12:00:00.000Z',
    '1899-12-31T23:59:59.999Z',
    '1900-03-01T00:00:00.000Z',
    '1969-12-31T23:59:59.999Z',
    '1970-01-01T00:00:00.000Z',
    '2000-02-29T00:00:00.001Z',
    '2024-12-31T23:59:59.010Z',
    '2100-03-01T00:00:00.100Z',
    '9999-12-31T23:59:59.999Z',
  ];
  it.each(instants)('writes %s as toISOString does', (iso) => {
    const date = new Date(iso);
    expect(copyTimestamp(date)).toBe(date.toISOString());
  });

  it('agrees with toISOString over the years 0000–9999', () => {
    const first = Date.parse('0000-01-01T00:00:00.000Z');
    const last = Date.parse('9999-12-31T23:59:59.999Z');
    // ≈ 100k instants, a stride of about 36.5 days and an odd number of ms: every month, leap
    // rule and time of day comes up.
    const step = Math.floor((last - first) / 100_003);
    const wrong: string[] = [];
    for (let ms = first; ms <= last; ms += step) {
      const date = new Date(ms);
      if (copyTimestamp(date) !== date.toISOString()) wrong.push(date.toISOString());
    }
    expect(wrong).toEqual([]);
  });

  it('falls back to toISOString outside 0000–9999', () => {
    const date = new Date(Date.parse('+010000-01-01T00:00:00.000Z'));
    expect(copyTimestamp(date)).toBe(date.toISOString());
    const before = new Date(Date.parse('-000001-12-31T23:59:59.999Z'));
    expect(copyTimestamp(before)).toBe(before.toISOString());
  });
});

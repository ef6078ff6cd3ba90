/**
 * PostgreSQL's COPY text format, for the event writer (`COPY events … FROM STDIN`): columns
 * separated by a tab, rows ended by a newline, `\N` for NULL, and a backslash escaping a
 * backslash, tab, newline or carriage return inside a value (PostgreSQL docs, COPY, "Text
 * Format"). PostgreSQL stores no NUL character in text or jsonb, and jsonb refuses a lone UTF-16
 * surrogate: either would fail the whole flush (other requests' events with it), so each becomes
 * U+FFFD. Hot path (every stored event): values needing no escape are returned as they are.
 */

/** Characters that need work in a text value: COPY's specials, NUL, any surrogate. */
const TEXT_SPECIAL = /[\\\t\n\r\0\ud800-\udfff]/;
const TEXT_ESCAPE = /[\\\t\n\r\0]/g;
const TEXT_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
  '\0': '\uFFFD',
};
/** A surrogate not part of a pair (the look-around keeps well-formed pairs). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A text value PostgreSQL can store: NUL and lone surrogates become U+FFFD. */
export function storableText(value: string): string {
  if (!TEXT_SPECIAL.test(value)) return value;
  return value.replace(LONE_SURROGATE, '\uFFFD').replaceAll('\0', '\uFFFD');
}

/** A text column's value, escaped for COPY text format (`\N` for null). */
export function copyText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (!TEXT_SPECIAL.test(value)) return value;
  return value.replace(LONE_SURROGATE, '\uFFFD').replace(TEXT_ESCAPE, (c) => TEXT_ESCAPES[c]!);
}

/**
 * In JSON.stringify's output, `\u0000` and an escaped lone surrogate (`\ud800`; well-formed
 * pairs are written as characters, never escaped) — but not an escaped backslash followed by
 * "u0000", which is text: the look-behind wants an even run of backslashes before the escape.
 */
const JSON_BAD_ESCAPE = /(?<!\\)((?:\\\\)*)\\u(?:0000|d[89a-f][0-9a-f]{2})/g;

/** JSON text PostgreSQL accepts as jsonb: NUL and lone surrogates become U+FFFD. */
export function withoutNul(json: string): string {
  return json.includes('\\u') ? json.replace(JSON_BAD_ESCAPE, '$1\\ufffd') : json;
}

/**
 * A jsonb column's value for COPY text format. JSON.stringify escapes every control character,
 * so only its backslashes need doubling.
 */
export function copyJson(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const json = withoutNul(JSON.stringify(value));
  return json.includes('\\') ? json.replaceAll('\\', '\\\\') : json;
}

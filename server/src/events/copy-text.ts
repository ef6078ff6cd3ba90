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

const MS_PER_DAY = 86_400_000;
const two = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
const three = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/**
 * A timestamptz column's value: exactly `date.toISOString()`, computed with integer arithmetic
 * (days → civil date, H. Hinnant's `civil_from_days`): Date#toISOString goes through V8's
 * runtime, ≈ 0.8 µs against ≈ 0.2 µs here, once per stored event. Years outside 0000–9999,
 * which the schemas never let through, take toISOString's own form.
 */
export function copyTimestamp(date: Date): string {
  const ms = date.getTime();
  let days = Math.floor(ms / MS_PER_DAY);
  let rest = ms - days * MS_PER_DAY;
  days += 719_468;
  const era = Math.floor(days / 146_097);
  const dayOfEra = days - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (!(year >= 0 && year <= 9999)) return date.toISOString();
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const yyyy = year < 1000 ? `${year}`.padStart(4, '0') : `${year}`;
  const time = `${two(hours)}:${two(minutes)}:${two(seconds)}.${three(rest - seconds * 1000)}`;
  return `${yyyy}-${two(month)}-${two(day)}T${time}Z`;
}

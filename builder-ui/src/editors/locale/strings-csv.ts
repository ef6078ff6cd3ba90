/**
 * CSV as RFC 4180 writes it (and spreadsheets read it): fields separated by commas, records by
 * CRLF, a field quoted when it holds a comma, quote, line break or edge space, quotes doubled.
 */

const needsQuotes = /[",\r\n]|^\s|\s$/;

/** One field, quoted when needed. */
export const csvField = (value: string): string =>
  needsQuotes.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

/** Rows to CSV text, each record ended by CRLF. */
export const formatCsv = (rows: readonly (readonly string[])[]): string =>
  rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');

export class CsvError extends Error {
  override readonly name = 'CsvError';
}

/**
 * CSV text to rows. Accepts CRLF, LF or CR line ends, a leading byte-order mark, quoted fields
 * spanning lines, and a missing final line end; drops fully empty lines. Throws `CsvError` on a
 * quote left open or text after a closing quote.
 */
export function parseCsv(input: string): string[][] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let afterQuote = false;
  let line = 1;

  const endField = () => {
    row.push(field);
    field = '';
    afterQuote = false;
  };
  const endRow = () => {
    endField();
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
  };

  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (c === '\n') line += 1;
        field += c;
      }
      continue;
    }
    if (c === ',') endField();
    else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      endRow();
      line += 1;
    } else if (afterQuote) {
      throw new CsvError(`Line ${line}: text after a closing quote.`);
    } else if (c === '"' && field === '') quoted = true;
    else field += c;
  }
  if (quoted) throw new CsvError(`Line ${line}: a quoted field is never closed.`);
  if (field !== '' || row.length > 0 || afterQuote) endRow();
  return rows;
}

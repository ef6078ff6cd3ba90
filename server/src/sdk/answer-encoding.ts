import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The content codings the session answer is sent in (RFC 9110 §8.4.1). */
export type ContentCoding = 'br' | 'gzip' | 'identity';

/**
 * Answers smaller than this go as they are: compressing them saves a few hundred bytes at most,
 * and they fit in one packet anyway (nginx and CDNs use a similar floor).
 */
export const MIN_CODED_BYTES = 1024;

/** Only so many distinct `Accept-Encoding` values are remembered (browsers send a handful). */
const MAX_REMEMBERED = 64;
const chosen = new Map<string, ContentCoding>();

/** The weight `Accept-Encoding` gives `coding`: its own entry, else `*`'s, else 0. */
function weightOf(entries: Array<[string, number]>, coding: string): number {
  let star = 0;
  for (const [name, q] of entries) {
    if (name === coding) return q;
    if (name === '*') star = q;
  }
  return star;
}

function parse(header: string): ContentCoding {
  const entries: Array<[string, number]> = [];
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';');
    let q = 1;
    for (const param of params) {
      const [key, value] = param.split('=');
      if (key?.trim().toLowerCase() === 'q') q = Number(value?.trim());
    }
    const coding = name.trim().toLowerCase();
    if (coding) entries.push([coding, Number.isFinite(q) ? q : 0]);
  }
  const br = weightOf(entries, 'br');
  const gzip = Math.max(weightOf(entries, 'gzip'), weightOf(entries, 'x-gzip'));
  if (br <= 0 && gzip <= 0) return 'identity';
  // The client's preference first; brotli on a tie (smaller, and every browser decodes it).
  return br >= gzip ? 'br' : 'gzip';
}

/**
 * The coding to send a compressible answer in, from the request's `Accept-Encoding` (RFC 9110
 * §12.5.3: weights, `q=0` refuses, `*` stands for codings not named). No header: identity.
 * Identity is always sent when neither brotli nor gzip is acceptable, even if the client refused
 * it, rather than a 406 the widget could do nothing with.
 */
export function preferredCoding(header: string | string[] | undefined): ContentCoding {
  if (header === undefined || header === '') return 'identity';
  const value = Array.isArray(header) ? header.join(',') : header;
  let coding = chosen.get(value);
  if (coding === undefined) {
    coding = parse(value);
    if (chosen.size >= MAX_REMEMBERED) chosen.clear();
    chosen.set(value, coding);
  }
  return coding;
}

/**
 * `body` compressed. Brotli at quality 5 (a window fitted to the answer): measured on an 11 KB
 * answer, ~1.1 KB for ~0.1 ms of CPU, within a few per cent of quality 11's size at a
 * hundredth of its cost; gzip at its default level 6 (~1.2 KB). Done once per memoised answer.
 */
export function compress(body: Buffer, coding: Exclude<ContentCoding, 'identity'>): Buffer {
  if (coding === 'gzip') return gzipSync(body);
  return brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 5,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      [constants.BROTLI_PARAM_LGWIN]: Math.max(
        constants.BROTLI_MIN_WINDOW_BITS,
        Math.min(constants.BROTLI_MAX_WINDOW_BITS, Math.ceil(Math.log2(body.length + 16))),
      ),
    },
  });
}

/** An answer's bytes and the compressed twins made so far (kept with it in the memo). */
export interface Codable {
  body: Buffer;
  coded: Partial<Record<Exclude<ContentCoding, 'identity'>, Buffer>>;
}

/** The coding `answer` goes out in for a request with this `Accept-Encoding`. */
export const codingFor = (answer: Codable, header: string | string[] | undefined): ContentCoding =>
  answer.body.length < MIN_CODED_BYTES ? 'identity' : preferredCoding(header);

/** `answer`'s bytes in `coding`, compressed on first use and kept with the answer. */
export function bytesIn(answer: Codable, coding: ContentCoding): Buffer {
  if (coding === 'identity') return answer.body;
  return (answer.coded[coding] ??= compress(answer.body, coding));
}

import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import {
  bytesIn,
  codingFor,
  MIN_CODED_BYTES,
  preferredCoding,
  type Codable,
} from './answer-encoding';

// A JSON body of exactly `bytes` bytes.
const answerOf = (bytes: number): Codable => ({
  body: Buffer.from(JSON.stringify({ content: 'x'.repeat(Math.max(0, bytes - 14)) })),
  coded: {},
});

describe('preferredCoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['deflate', 'identity'],
    ['identity', 'identity'],
    ['GZIP', 'gzip'],
    ['x-gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['gzip;q=0.5, br;q=0.4', 'gzip'],
    ['gzip;q=0.5, br;q=0.5', 'br'],
    ['gzip ; q=0.9 , br ; q=1', 'br'],
    ['*', 'br'],
    ['*;q=0', 'identity'],
    ['br;q=0, *;q=0.1', 'gzip'],
    ['gzip, *;q=0', 'gzip'],
    ['br;q=nonsense, gzip', 'gzip'],
  ] as const)('%j → %s', (header, coding) => {
    expect(preferredCoding(header)).toBe(coding);
  });

  it('reads a header sent several times as one list', () => {
    expect(preferredCoding(['deflate', 'br;q=0.5'])).toBe('br');
  });

  it('answers the same for a header it has seen before', () => {
    expect(preferredCoding('gzip;q=1, br;q=0.2')).toBe('gzip');
    expect(preferredCoding('gzip;q=1, br;q=0.2')).toBe('gzip');
  });
});

describe('codingFor', () => {
  it('sends small answers as they are, whatever the client accepts', () => {
    expect(codingFor(answerOf(MIN_CODED_BYTES - 1), 'br')).toBe('identity');
    expect(codingFor(answerOf(MIN_CODED_BYTES), 'br')).toBe('br');
    expect(codingFor(answerOf(MIN_CODED_BYTES), undefined)).toBe('identity');
  });
});

describe('bytesIn', () => {
  it('compresses once per answer, to bytes that decode to the answer', () => {
    const answer = answerOf(20_000);
    const br = bytesIn(answer, 'br');
    const gzip = bytesIn(answer, 'gzip');
    expect(br.length).toBeLessThan(answer.body.length / 10);
    expect(brotliDecompressSync(br).equals(answer.body)).toBe(true);
    expect(gunzipSync(gzip).equals(answer.body)).toBe(true);
    expect(bytesIn(answer, 'br')).toBe(br);
    expect(bytesIn(answer, 'gzip')).toBe(gzip);
    expect(bytesIn(answer, 'identity')).toBe(answer.body);
  });
});

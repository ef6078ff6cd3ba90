import type { SdkUser, SessionResponse } from '@waymark/shared';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { MIN_CODED_BYTES } from '../src/sdk/answer-encoding';
import {
  anonymous,
  createTenant,
  modalFlow,
  publishedItem,
  type Tenant,
} from './support/content-fixtures';
import { startTestApp, type TestApp } from './support/test-app';

// The session answer in the codings browsers ask for: the same JSON once decoded, a weak etag
// for the compressed forms (RFC 9110 §8.8.1), and 304 whichever form of the tag comes back.
// node:http rather than fetch: fetch decodes the body and asks for gzip on its own.

let app: TestApp;
let big: Tenant;
let empty: Tenant;
const user: SdkUser = anonymous();

beforeAll(async () => {
  app = await startTestApp();
  [big, empty] = await Promise.all([createTenant(app), createTenant(app)]);
  // Enough items (with long texts) for an answer well over the compression floor.
  for (let i = 0; i < 6; i++) {
    await publishedItem(app, big, {
      name: `Tour ${i}`,
      definition: modalFlow(`Tour ${i}: ${'what to do next, and why it matters. '.repeat(4)}`),
    });
  }
});
afterAll(() => app.close());

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: Buffer;
}

/** POST /sdk/v1/session with these headers; the answer's bytes as they travelled. */
function session(tenant: Tenant, headers: Record<string, string> = {}): Promise<Raw> {
  const body = JSON.stringify({ user, context: { url: 'https://app.example.com/dashboard' } });
  return new Promise((resolve, reject) => {
    const req = request(
      `${app.url}/sdk/v1/session`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-waymark-key': tenant.sdkKey, ...headers },
        agent: false, // no kept-alive socket outliving the test
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            bytes: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const BROWSER = 'gzip, deflate, br, zstd';

describe('session answer encoding', () => {
  it('sends brotli or gzip as asked, decoding to the identity bytes, with a weak etag', async () => {
    const identity = await session(big);
    expect(identity.status).toBe(200);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.bytes.length).toBeGreaterThan(MIN_CODED_BYTES);
    const answer = JSON.parse(identity.bytes.toString('utf8')) as SessionResponse;
    expect(answer.content).toHaveLength(6);
    expect(identity.headers.etag).toBe(`"${answer.etag}"`);
    expect(identity.headers.vary).toBe('origin, accept-encoding');

    const br = await session(big, { 'accept-encoding': BROWSER });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(Number(br.headers['content-length'])).toBe(br.bytes.length);
    expect(br.bytes.length).toBeLessThan(identity.bytes.length / 3);
    expect(brotliDecompressSync(br.bytes).equals(identity.bytes)).toBe(true);
    expect(br.headers.etag).toBe(`W/"${answer.etag}"`);
    expect(br.headers.vary).toBe('origin, accept-encoding');
    expect(br.headers['access-control-allow-origin']).toBe('*');
    expect(br.headers['content-type']).toBe('application/json; charset=utf-8');

    const gzip = await session(big, { 'accept-encoding': 'gzip, deflate' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.bytes).equals(identity.bytes)).toBe(true);
    expect(gzip.headers.etag).toBe(`W/"${answer.etag}"`);

    const refused = await session(big, { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.bytes.equals(identity.bytes)).toBe(true);
  });

  it('answers 304 to either form of the tag, in every coding, and 200 to another tag', async () => {
    const { bytes } = await session(big);
    const { etag } = JSON.parse(bytes.toString('utf8')) as SessionResponse;
    for (const acceptEncoding of [BROWSER, 'gzip', 'identity']) {
      for (const tag of [`"${etag}"`, `W/"${etag}"`]) {
        const again = await session(big, {
          'accept-encoding': acceptEncoding,
          'if-none-match': tag,
        });
        expect({ acceptEncoding, tag, status: again.status }).toEqual({
          acceptEncoding,
          tag,
          status: 304,
        });
        expect(again.bytes.length).toBe(0);
        expect(again.headers['content-encoding']).toBeUndefined();
        expect(again.headers.vary).toBe('origin, accept-encoding');
        expect(again.headers.etag).toBe(
          acceptEncoding === 'identity' ? `"${etag}"` : `W/"${etag}"`,
        );
      }
      const other = await session(big, {
        'accept-encoding': acceptEncoding,
        'if-none-match': 'W/"other"',
      });
      expect(other.status).toBe(200);
    }
  });

  it('sends a small answer as it is, with a strong etag, whatever the client accepts', async () => {
    const small = await session(empty, { 'accept-encoding': BROWSER });
    expect(small.status).toBe(200);
    expect(small.bytes.length).toBeLessThan(MIN_CODED_BYTES);
    expect(small.headers['content-encoding']).toBeUndefined();
    const answer = JSON.parse(small.bytes.toString('utf8')) as SessionResponse;
    expect(answer.content).toEqual([]);
    expect(small.headers.etag).toBe(`"${answer.etag}"`);
    expect(small.headers.vary).toBe('origin, accept-encoding');
  });

  it('leaves errors as they were: JSON, uncompressed', async () => {
    const refused = await session({ ...big, sdkKey: 'wm_pk_nope' }, { 'accept-encoding': BROWSER });
    expect(refused.status).toBe(401);
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(refused.bytes.toString('utf8'))).toMatchObject({ code: expect.any(String) });
  });
});

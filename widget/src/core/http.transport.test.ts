import type { EventsRequest, SessionRequest } from '@waymark/shared';
import { beaconEvents, createPost, fetchSession, outcomeOf } from './http.transport';

const session: SessionRequest = {
  user: { anonymousId: 'anon-1' },
  traits: {},
  context: { url: 'https://app.example.com/' },
};
const batch: EventsRequest = {
  user: { anonymousId: 'anon-1' },
  sentAt: '2025-01-01T00:00:00.000Z',
  events: [{ type: 'page', properties: {}, messageId: 'message-1', timestamp: 'x' }],
};

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('outcomeOf', () => {
  it.each([
    [200, 'ok'],
    [202, 'ok'],
    [408, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [503, 'retry'],
    [400, 'drop'],
    [401, 'drop'],
    [413, 'drop'],
  ] as const)('%i is %s', (status, outcome) => {
    expect(outcomeOf(status)).toBe(outcome);
  });
});

describe('fetchSession', () => {
  afterEach(() => jest.restoreAllMocks());
  const kept = { content: [], holdouts: [], featureTags: [], etag: 'e1' } as unknown as Parameters<
    typeof fetchSession
  >[2];

  it("sends the kept answer's etag in If-None-Match and answers the kept answer on 304", async () => {
    const fetch = jest
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(new Response(null, { status: 304 }));

    const answer = await fetchSession(createPost('https://w.example', 'pk_1'), session, kept);

    expect(answer).toBe(kept);
    expect(fetch.mock.calls[0]?.[1]?.headers).toEqual({
      'content-type': 'application/json',
      'x-waymark-key': 'pk_1',
      'if-none-match': '"e1"',
    });
  });

  it('answers the new answer when it changed, and sends no If-None-Match without one kept', async () => {
    const fetch = jest
      .spyOn(globalThis, 'fetch')
      .mockImplementation(() => Promise.resolve(json(200, { content: [], etag: 'e2' })));
    const post = createPost('https://w.example', 'pk_1');

    expect(await fetchSession(post, session, kept)).toEqual({ content: [], etag: 'e2' });
    await fetchSession(post, session);

    expect(fetch.mock.calls[1]?.[1]?.headers).not.toHaveProperty('if-none-match');
  });

  it('rejects a 304 when no answer was kept (nothing to reuse)', async () => {
    jest.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(null, { status: 304 }));

    await expect(fetchSession(createPost('https://w.example', 'pk_1'), session)).rejects.toThrow(
      /304/,
    );
  });
});

describe('createPost and beaconEvents', () => {
  afterEach(() => jest.restoreAllMocks());

  it('posts the session with the key header and returns the answer', async () => {
    const fetch = jest
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(json(200, { content: [], etag: 'e1' }));

    const answer = await fetchSession(createPost('https://w.example', 'pk_1'), session);

    expect(answer).toEqual({ content: [], etag: 'e1' });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('https://w.example/sdk/v1/session');
    expect(init).toMatchObject({
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-waymark-key': 'pk_1' },
      keepalive: true,
    });
    expect(JSON.parse(String(init?.body))).toEqual(session);
  });

  it('rejects a failed session with the server error code', async () => {
    jest
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(json(401, { code: 'invalid_key', message: 'The SDK key is not valid.' }));

    await expect(fetchSession(createPost('https://w.example', 'bad'), session)).rejects.toThrow(
      /401 invalid_key/,
    );
  });

  it('posts JSON to /sdk/v1/{path} and rejects on a network failure (the queue retries it)', async () => {
    const fetch = jest.spyOn(globalThis, 'fetch').mockRejectedValueOnce(new TypeError('offline'));
    fetch.mockResolvedValueOnce(json(503, {}));
    const post = createPost('https://w.example', 'pk_1');

    await expect(post('events', batch)).rejects.toThrow('offline');
    expect(outcomeOf((await post('events', batch)).status)).toBe('retry');
    expect(fetch.mock.calls[1]?.[0]).toBe('https://w.example/sdk/v1/events');
    expect(JSON.parse(String(fetch.mock.calls[1]?.[1]?.body))).toEqual(batch);
  });

  it('beacons events as text/plain with the key in the query (sendBeacon sets no headers)', async () => {
    const sent: [string, Blob][] = [];
    const sendBeacon = (url: string, body: Blob): boolean => sent.push([url, body]) > 0;
    Object.defineProperty(globalThis, 'navigator', { value: { sendBeacon }, configurable: true });

    expect(beaconEvents('https://w.example', 'pk 1', batch)).toBe(true);

    const [url, body] = sent[0] ?? ['', new Blob()];
    expect(url).toBe('https://w.example/sdk/v1/events?key=pk%201');
    expect(body.type).toBe('text/plain');
    expect(JSON.parse(await body.text())).toEqual(batch);
  });
});

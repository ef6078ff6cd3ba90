import type { ErrorBody, EventsExportResponse, IngestResponse } from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import { createWorkspace, type TestWorkspace } from './support/factories';
import { call } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  app = await startTestApp();
  ws = await createWorkspace(app.db);
});
afterAll(() => app.close());

const basic = (key: string) => ({
  authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}`,
});
const post = (path: string, body: unknown, headers: Record<string, string> = basic(ws.secretKey)) =>
  call<IngestResponse>(`${app.url}${path}`, { body, headers });
const track = (event: string, extra: Record<string, unknown> = {}) => ({
  type: 'track',
  event,
  messageId: randomUUID(),
  anonymousId: `anon-${randomUUID()}`,
  timestamp: new Date().toISOString(),
  properties: { plan: 'pro' },
  ...extra,
});
const stored = async (messageIds: string[]) =>
  app.db.query<
    Array<{ message_id: string; name: string; ts: Date; type: string; partition: string }>
  >(
    `SELECT message_id, name, ts, type, tableoid::regclass::text AS partition FROM events
     WHERE workspace_id = $1 AND message_id = ANY($2) ORDER BY message_id`,
    [ws.workspaceId, messageIds],
  );

describe('write key', () => {
  it('accepts Basic auth base64(writeKey:) and writeKey in the body; refuses others', async () => {
    const a = track('Basic');
    const b = track('InBody');
    expect((await post('/v1/batch', { batch: [a] })).status).toBe(200);
    expect((await post('/v1/batch', { batch: [b], writeKey: ws.secretKey }, {})).status).toBe(200);
    expect((await stored([a.messageId, b.messageId])).length).toBe(2);
    const none = await call<ErrorBody>(`${app.url}/v1/batch`, { body: { batch: [track('x')] } });
    expect([none.status, none.body.code]).toEqual([401, 'unauthenticated']);
    const wrong = await post('/v1/batch', { batch: [track('x')] }, basic('wm_sk_wrong'));
    expect(wrong.status).toBe(401);
    const sdkKey = await post('/v1/batch', { batch: [track('x')] }, basic(ws.sdkKey));
    expect(sdkKey.status).toBe(401);
  });
});

describe('calls', () => {
  it('serves every call type under its long and short path, JSON also as text/plain', async () => {
    const userId = `user-${randomUUID()}`;
    const calls: Array<[string, Record<string, unknown>, string]> = [
      ['/v1/track', { event: 'Clicked', properties: { a: 1 } }, 'Clicked'],
      ['/v1/t', { event: 'Short' }, 'Short'],
      ['/v1/identify', { traits: { plan: 'pro' } }, '$identify'],
      ['/v1/i', { traits: { seats: 3 } }, '$identify'],
      ['/v1/page', { name: 'Home', properties: { path: '/' } }, '$page'],
      ['/v1/p', { name: 'Pricing' }, '$page'],
      ['/v1/screen', { name: 'Settings' }, '$screen'],
      ['/v1/s', { name: 'Inbox' }, '$screen'],
      ['/v1/group', { groupId: 'acme', traits: { tier: 'gold' } }, '$group'],
      ['/v1/g', { groupId: 'beta' }, '$group'],
      ['/v1/alias', { previousId: `old-${randomUUID()}` }, '$alias'],
      ['/v1/a', { previousId: `old-${randomUUID()}` }, '$alias'],
    ];
    const ids: string[] = [];
    for (const [path, body, name] of calls) {
      const messageId = randomUUID();
      ids.push(messageId);
      const answer = await call<IngestResponse>(`${app.url}${path}`, {
        headers: { ...basic(ws.secretKey), 'content-type': 'text/plain' },
        raw: JSON.stringify({ ...body, userId, messageId, timestamp: new Date().toISOString() }),
      });
      expect([path, answer.status, answer.body.accepted]).toEqual([path, 200, 1]);
      expect((await stored([messageId]))[0]?.name).toBe(name);
    }
    const batch = await post('/v1/b', { batch: [track('ViaB')] });
    expect(batch.body).toEqual({ success: true, accepted: 1, rejected: [] });
    expect(batch.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('rejects a malformed event alone and says which and why', async () => {
    const good = [track('One'), track('Two')];
    const answer = await post('/v1/batch', {
      batch: [
        good[0],
        { type: 'track', messageId: 'bad-1', anonymousId: 'a' },
        { type: 'nope' },
        good[1],
      ],
    });
    expect(answer.status).toBe(200);
    expect(answer.body.accepted).toBe(2);
    expect(answer.body.rejected.map((r) => [r.index, r.messageId])).toEqual([
      [1, 'bad-1'],
      [2, undefined],
    ]);
    expect(answer.body.rejected[0]?.issues).toEqual([expect.objectContaining({ path: 'event' })]);
    expect((await stored(good.map((g) => g.messageId))).length).toBe(2);
    const noUser = await post('/v1/track', { event: 'X', messageId: randomUUID() });
    expect(noUser.status).toBe(400);
    const allBad = await call<ErrorBody>(`${app.url}/v1/batch`, {
      body: { batch: [{ type: 'track' }] },
      headers: basic(ws.secretKey),
    });
    expect([allBad.status, allBad.body.code]).toEqual([400, 'validation_failed']);
  });
});

describe('limits', () => {
  const big = (bytes: number) => 'x'.repeat(bytes);

  it('rejects an event over 32 KB alone in a batch, and a single call over it with 413', async () => {
    const ok = track('Small');
    const huge = track('Huge', { properties: { blob: big(33 * 1024) } });
    const answer = await post('/v1/batch', { batch: [ok, huge] });
    expect(answer.body.accepted).toBe(1);
    expect(answer.body.rejected).toEqual([
      expect.objectContaining({
        index: 1,
        messageId: huge.messageId,
        issues: [expect.objectContaining({ message: expect.stringContaining('32768') })],
      }),
    ]);
    const single = await call<ErrorBody>(`${app.url}/v1/track`, {
      body: huge,
      headers: basic(ws.secretKey),
    });
    expect([single.status, single.body.code]).toEqual([413, 'payload_too_large']);
  });

  it('answers 413 to a batch over 500 KB', async () => {
    const batch = Array.from({ length: 20 }, () =>
      track('Fat', { properties: { blob: big(26 * 1024) } }),
    );
    const answer = await call<ErrorBody>(`${app.url}/v1/batch`, {
      body: { batch },
      headers: basic(ws.secretKey),
    });
    expect([answer.status, answer.body.code]).toEqual([413, 'payload_too_large']);
    expect(await stored(batch.map((b) => b.messageId))).toEqual([]);
  });

  it('answers 429 with Retry-After when a workspace is over its rate, and stores nothing', async () => {
    const limited = await createWorkspace(app.db);
    await app.db.query(`INSERT INTO ingest_limits VALUES ($1, 10, 20)`, [limited.workspaceId]);
    const send = (n: number) =>
      call<ErrorBody>(`${app.url}/v1/batch`, {
        body: { batch: Array.from({ length: n }, () => track('Burst')) },
        headers: basic(limited.secretKey),
      });
    expect((await send(15)).status).toBe(200);
    const over = await send(15);
    expect([over.status, over.body.code]).toEqual([429, 'rate_limited']);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const [row] = await app.db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM events WHERE workspace_id = $1`,
      [limited.workspaceId],
    );
    expect(row?.n).toBe(15);
  });
});

describe('storage', () => {
  it('never duplicates a retried messageId, though each retry corrects the time differently', async () => {
    const event = track('Retried', { timestamp: '2025-01-01T00:00:00.000Z' });
    await post('/v1/batch', { batch: [event], sentAt: '2025-01-01T00:00:05.000Z' });
    await post('/v1/batch', { batch: [event], sentAt: '2025-01-01T00:00:09.000Z' });
    await Promise.all([1, 2, 3].map(() => post('/v1/batch', { batch: [event, event] })));
    expect((await stored([event.messageId])).length).toBe(1);
  });

  it('corrects client clock skew: receivedAt − (sentAt − timestamp)', async () => {
    const hourAhead = Date.now() + 3_600_000;
    const event = track('Skewed', { timestamp: new Date(hourAhead - 60_000).toISOString() });
    const before = Date.now();
    await post('/v1/batch', { batch: [event], sentAt: new Date(hourAhead).toISOString() });
    const [row] = await stored([event.messageId]);
    expect(row!.ts.getTime()).toBeGreaterThanOrEqual(before - 60_000 - 50);
    expect(row!.ts.getTime()).toBeLessThanOrEqual(Date.now() - 60_000 + 50);
  });

  it('keeps the time as sent when a correction would leave storable dates, and stores the rest', async () => {
    // sentAt and timestamp 9,998 years apart: corrected, the event would land before year 0000,
    // which PostgreSQL refuses — and one refused row would fail every event of the flush.
    const ancient = track('Far skew', { timestamp: '0001-01-01T00:00:00.000Z' });
    const future = track('Far skew', { timestamp: '9999-12-31T00:00:00.000Z' });
    const normal = track('Normal');
    const [first, second] = await Promise.all([
      post('/v1/batch', { batch: [ancient, normal], sentAt: '9999-12-31T00:00:00.000Z' }),
      post('/v1/batch', { batch: [future], sentAt: '0001-01-01T00:00:00.000Z' }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const rows = await stored([ancient.messageId, future.messageId, normal.messageId]);
    const ts = (id: string) => rows.find((r) => r.message_id === id)?.ts.toISOString();
    expect(ts(ancient.messageId)).toBe('0001-01-01T00:00:00.000Z');
    expect(ts(future.messageId)).toBe('9999-12-31T00:00:00.000Z');
    expect(ts(normal.messageId)).toBeDefined();
  });

  it('partitions by month: current months in their partition, old history in the default one', async () => {
    const now = track('Now');
    // A month no earlier run created a partition for (the database may be reused), after the
    // months the retention tests prune (1990 and before), so their pruning never meets it.
    const year = 2000 + Math.floor(Math.random() * 20);
    const month = `${year}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}`;
    const old = track('Old', { timestamp: `${month}-15T00:00:00.000Z` });
    await post('/v1/batch', { batch: [now, old] });
    const rows = await stored([now.messageId, old.messageId]);
    const current = new Date().toISOString().slice(0, 7).replace('-', '_');
    expect(rows.find((r) => r.message_id === now.messageId)?.partition).toBe(`events_${current}`);
    expect(rows.find((r) => r.message_id === old.messageId)?.partition).toBe('events_default');
    // A partition created later for that month takes its rows out of the default partition.
    await app.db.query(`SELECT wm_ensure_event_partition($1::date)`, [`${month}-01`]);
    expect((await stored([old.messageId]))[0]?.partition).toBe(`events_${month.replace('-', '_')}`);
  });

  it('commits before answering and keeps every event of concurrent batches exactly once', async () => {
    const batches = Array.from({ length: 30 }, () =>
      Array.from({ length: 100 }, () => track('Load')),
    );
    const answers = await Promise.all(batches.map((batch) => post('/v1/batch', { batch })));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const ids = batches.flat().map((e) => e.messageId);
    expect((await stored(ids)).length).toBe(3000);
  });

  it('stores a NUL character (which PostgreSQL refuses) as U+FFFD without failing the others', async () => {
    const nul = track('Nul\u0000Name', { properties: { note: 'a\u0000b', path: 'c:\\u0000' } });
    const plain = Array.from({ length: 20 }, () => track('Beside'));
    const answers = await Promise.all([
      post('/v1/batch', { batch: [nul] }),
      ...plain.map((e) => post('/v1/track', e)),
    ]);
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    const [row] = await app.db.query<Array<{ name: string; properties: Record<string, string> }>>(
      `SELECT name, properties FROM events WHERE workspace_id = $1 AND message_id = $2`,
      [ws.workspaceId, nul.messageId],
    );
    expect(row?.name).toBe('Nul\uFFFDName');
    // An escaped backslash followed by "u0000" is text, not a NUL: kept as sent.
    expect(row?.properties).toEqual({ note: 'a\uFFFDb', path: 'c:\\u0000' });
    expect((await stored(plain.map((e) => e.messageId))).length).toBe(20);
  });
});

describe('export API', () => {
  it('pages events newest first by cursor, filtered by user and name', async () => {
    const userId = `pager-${randomUUID()}`;
    const base = Date.parse('2025-05-01T00:00:00Z');
    const batch = Array.from({ length: 7 }, (_, i) =>
      track(i % 2 ? 'Odd' : 'Even', { userId, timestamp: new Date(base + i * 1000).toISOString() }),
    );
    await post('/v1/batch', { batch });
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: { status: number; body: EventsExportResponse } = await call<EventsExportResponse>(
        `${app.url}/api/v1/events?userId=${userId}&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        { headers: { authorization: `Bearer ${ws.secretKey}` } },
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((e) => e.messageId));
      cursor = page.body.nextCursor;
    }
    expect(seen).toEqual([...batch].reverse().map((e) => e.messageId));
    const odd = await call<EventsExportResponse>(
      `${app.url}/api/v1/events?userId=${userId}&name=Odd`,
      {
        headers: { authorization: `Bearer ${ws.secretKey}` },
      },
    );
    expect(odd.body.data.map((e) => e.name)).toEqual(['Odd', 'Odd', 'Odd']);
  });
});

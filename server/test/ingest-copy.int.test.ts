import type { IngestResponse } from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import { createWorkspace, type TestWorkspace } from './support/factories';
import { call } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The writer sends events to PostgreSQL as COPY text (its own escaping) and claims their ids by
 * COPY into event_ids, falling back to ON CONFLICT when one is already stored. These check both
 * against the real database.
 */
let app: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  app = await startTestApp();
  ws = await createWorkspace(app.db);
});
afterAll(() => app.close());

const post = (body: unknown) =>
  call<IngestResponse>(`${app.url}/v1/batch`, {
    body,
    headers: { authorization: `Basic ${Buffer.from(`${ws.secretKey}:`).toString('base64')}` },
  });
const track = (extra: Record<string, unknown> = {}) => ({
  type: 'track',
  event: 'Copied',
  messageId: randomUUID(),
  anonymousId: `anon-${randomUUID()}`,
  properties: { plan: 'pro' },
  ...extra,
});
interface Row {
  message_id: string;
  name: string;
  user_id: string | null;
  anonymous_id: string | null;
  properties: Record<string, unknown>;
  context: Record<string, unknown> | null;
}
const stored = (messageIds: string[]) =>
  app.db.query<Row[]>(
    `SELECT message_id, name, user_id, anonymous_id, properties, context FROM events
     WHERE workspace_id = $1 AND message_id = ANY($2) ORDER BY message_id`,
    [ws.workspaceId, messageIds],
  );

describe('COPY encoding', () => {
  it('stores tabs, newlines, backslashes, \\N-like text and unicode exactly as sent', async () => {
    const awkward = 'tab\there\nnew line\r\\back\\slash \\N 日本 👋';
    const properties = {
      awkward,
      path: 'C:\\temp\\new',
      quote: 'say "hi"',
      nested: { list: [1, '\\N', null, { deep: 'a\tb' }] },
      '\\key\t': 'value',
    };
    const event = track({
      event: awkward,
      messageId: `id\twith\\odd\nchars-${randomUUID()}`,
      userId: 'user\t1\\',
      anonymousId: '\\N',
      properties,
      context: { page: { title: 'line 1\nline 2' } },
    });
    const answer = await post({ batch: [event] });
    expect(answer.status).toBe(200);
    const [row] = await stored([event.messageId]);
    expect(row).toEqual({
      message_id: event.messageId,
      name: awkward,
      user_id: 'user\t1\\',
      anonymous_id: '\\N',
      properties,
      context: { page: { title: 'line 1\nline 2' } },
    });
  });

  it('stores lone surrogates (refused by jsonb) as U+FFFD without failing the others', async () => {
    const lone = track({ event: 'Lone\ud800', properties: { half: 'x\udc00y', pair: '👋' } });
    const beside = Array.from({ length: 5 }, () => track());
    const answers = await Promise.all([
      post({ batch: [lone] }),
      ...beside.map((e) => post({ batch: [e] })),
    ]);
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    const [row] = await stored([lone.messageId]);
    expect(row?.name).toBe('Lone\uFFFD');
    expect(row?.properties).toEqual({ half: 'x\uFFFDy', pair: '👋' });
    expect((await stored(beside.map((e) => e.messageId))).length).toBe(5);
  });
  it('stores NUL as U+FFFD and times to the millisecond, before 2000 and near 9999 too', async () => {
    const times = [
      '1999-12-31T23:59:59.999Z',
      '2026-11-23T05:24:00.123Z',
      '9999-12-31T23:59:59.999Z',
    ];
    const events = times.map((timestamp) =>
      track({
        event: 'Nul\u0000name',
        properties: { note: 'a\u0000b' },
        timestamp,
      }),
    );
    // No sentAt: the times are stored as sent, not corrected for clock skew.
    const answer = await post({ batch: events });
    expect(answer.status).toBe(200);
    const rows = await app.db.query<Array<{ name: string; note: string; ts: Date }>>(
      `SELECT name, properties ->> 'note' AS note, ts FROM events
       WHERE workspace_id = $1 AND message_id = ANY($2) ORDER BY ts`,
      [ws.workspaceId, events.map((e) => e.messageId)],
    );
    expect(rows.map((r) => r.ts.toISOString())).toEqual(times);
    for (const row of rows) {
      expect(row).toMatchObject({
        name: 'Nul\uFFFDname',
        note: 'a\uFFFDb',
      });
    }
  });
});

describe('claiming ids', () => {
  it('stores the new events of a batch that repeats stored ones, each exactly once', async () => {
    const old = Array.from({ length: 10 }, () => track());
    await post({ batch: old });
    const fresh = Array.from({ length: 10 }, () => track());
    const answer = await post({ batch: [...fresh, ...old] });
    expect(answer.status).toBe(200);
    expect(answer.body.accepted).toBe(20);
    const rows = await stored([...old, ...fresh].map((e) => e.messageId));
    expect(rows.map((r) => r.message_id).sort()).toEqual(
      [...old, ...fresh].map((e) => e.messageId).sort(),
    );
  });

  it('keeps each event once when identical batches arrive at the same time', async () => {
    const batch = Array.from({ length: 50 }, () => track());
    const answers = await Promise.all(Array.from({ length: 8 }, () => post({ batch })));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    const [count] = await app.db.query<Array<{ n: number; ids: number }>>(
      `SELECT count(*)::int AS n, count(DISTINCT message_id)::int AS ids FROM events
       WHERE workspace_id = $1 AND message_id = ANY($2)`,
      [ws.workspaceId, batch.map((e) => e.messageId)],
    );
    expect(count).toEqual({ n: 50, ids: 50 });
  });
});

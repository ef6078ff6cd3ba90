import { randomUUID } from 'node:crypto';
import { ConfigChanges } from '../src/content/config-changes';
import { EventWriter } from '../src/events/event-writer';
import type { UserTouch } from '../src/identity/identity-ops';
import { startTwoApps, type LoggedTestApp } from './support/builder-session';
import { eventually } from './support/eventually';
import { createWorkspace, type TestWorkspace } from './support/factories';
import { call } from './support/http';

// Each instance remembers which person a (userId, anonymousId) pair resolved to, so events of a
// known pair skip identity work. When an identity leaves that person — on this instance or on
// another one sharing the database — the next events of the pair must go to its new owner, not
// to the person remembered (NOTIFY `waymark_identity`).

let a: LoggedTestApp;
let b: LoggedTestApp;
let ws: TestWorkspace;
/** What instance `a`'s writer reported as touched, per event name. */
const touchedOnA = new Map<string, string[]>();

beforeAll(async () => {
  [a, b] = await startTwoApps();
  for (const app of [a, b]) {
    const changes = app.app.get(ConfigChanges);
    await eventually(() => Promise.resolve(changes.isListening));
  }
  a.app.get(EventWriter).onCommitted((touches: UserTouch[]) => {
    for (const t of touches) {
      for (const name of t.eventNames) {
        touchedOnA.set(name, [...(touchedOnA.get(name) ?? []), t.endUserId]);
      }
    }
  });
  ws = await createWorkspace(a.db);
});
afterAll(() => Promise.all([a.close(), b.close()]));

const send = async (app: LoggedTestApp, message: Record<string, unknown>) => {
  const answer = await call(`${app.url}/v1/batch`, {
    headers: { authorization: `Basic ${Buffer.from(`${ws.secretKey}:`).toString('base64')}` },
    body: { batch: [{ messageId: randomUUID(), timestamp: new Date().toISOString(), ...message }] },
  });
  expect(answer.status).toBe(200);
};
const track = (app: LoggedTestApp, anonymousId: string, event: string) =>
  send(app, { type: 'track', event, anonymousId });
const identify = (app: LoggedTestApp, userId: string, anonymousId: string) =>
  send(app, { type: 'identify', userId, anonymousId, traits: {} });

/** The person an external id belongs to now. */
async function owner(kind: 'user' | 'anonymous', externalId: string): Promise<string> {
  const [row] = await a.db.query<Array<{ end_user_id: string }>>(
    `SELECT end_user_id FROM identities WHERE workspace_id = $1 AND kind = $2 AND external_id = $3`,
    [ws.workspaceId, kind, externalId],
  );
  return row!.end_user_id;
}

/** Sends anonymous events on `a` until one is reported for `expected` (each under a new name). */
async function touchesOnA(anonymousId: string, expected: string): Promise<string[]> {
  const seen: string[] = [];
  await eventually(async () => {
    const name = `Clicked ${randomUUID()}`;
    await track(a, anonymousId, name);
    seen.push(...(touchedOnA.get(name) ?? []));
    return seen.at(-1) === expected;
  });
  return seen;
}

describe('resolved pairs across instances', () => {
  it('a second login on a shared device, on another instance, takes the anonymous events', async () => {
    const anonymousId = `anon-${randomUUID()}`;
    await identify(a, `first-${randomUUID()}`, anonymousId);
    const first = await owner('anonymous', anonymousId);
    // `a` resolves the anonymous pair once and remembers it.
    await track(a, anonymousId, `Before ${anonymousId}`);
    expect(touchedOnA.get(`Before ${anonymousId}`)).toEqual([first]);

    const second = `second-${randomUUID()}`;
    await identify(b, second, anonymousId);
    const now = await owner('anonymous', anonymousId);
    expect(now).toBe(await owner('user', second));
    expect(now).not.toBe(first);

    const seen = await touchesOnA(anonymousId, now);
    // Once the news reached `a`, its events stay with the new owner.
    await track(a, anonymousId, `After ${anonymousId}`);
    expect(touchedOnA.get(`After ${anonymousId}`)).toEqual([now]);
    expect(seen.every((id) => id === first || id === now)).toBe(true);
  });

  it('an anonymous person merged away on another instance hands its pairs to the winner', async () => {
    const anonymousId = `anon-${randomUUID()}`;
    await track(a, anonymousId, `Alone ${anonymousId}`);
    const anonymous = await owner('anonymous', anonymousId);
    expect(touchedOnA.get(`Alone ${anonymousId}`)).toEqual([anonymous]);

    // On `b`: the user exists (another device), then logs in on this one: the two merge.
    const userId = `user-${randomUUID()}`;
    await identify(b, userId, `elsewhere-${randomUUID()}`);
    const user = await owner('user', userId);
    await identify(b, userId, anonymousId);
    expect(await owner('anonymous', anonymousId)).toBe(user);

    await touchesOnA(anonymousId, user);
    await track(a, anonymousId, `Merged ${anonymousId}`);
    expect(touchedOnA.get(`Merged ${anonymousId}`)).toEqual([user]);
  });

  it('hears of its own moves too', async () => {
    const anonymousId = `anon-${randomUUID()}`;
    await identify(a, `first-${randomUUID()}`, anonymousId);
    await track(a, anonymousId, `Mine ${anonymousId}`);
    const second = `second-${randomUUID()}`;
    await identify(a, second, anonymousId);
    const now = await owner('user', second);
    await touchesOnA(anonymousId, now);
  });
});

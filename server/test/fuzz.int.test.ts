import type { EnvironmentList, EnvironmentWithSecret } from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import { as, freshIp, signIn, signUp, type Builder } from './support/builder-session';
import {
  asQuery,
  resolveIds,
  routes,
  seedThroughContract,
  send,
  validRequest,
  type Credentials,
  type Ids,
  type Route,
} from './support/contract-routes';
import { publishContent } from './support/factories';
import { bodyCases, paramCases, queryCases, type FuzzCase } from './support/fuzz-cases';
import { call } from './support/http';
import { validSample } from './support/schema-sample';
import { rowCounts, tablesContaining } from './support/tenant-state';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Bad input at EVERY route of the contract (routes other modules add included): malformed JSON,
 * wrong types, missing fields, oversized bodies, unknown keys, injection strings, prototype
 * pollution keys, bad path and query values. No answer may be a 5xx; input the route's schema
 * refuses must get a 4xx and leave every table's row count as it was; unknown keys (which the
 * schemas strip) must leave no trace in any table.
 */

// Some routes have hundreds of cases; jest's per-project testTimeout is not applied.
jest.setTimeout(120_000);

/** Answers that mean the request never reached the route's validation. */
const DOOR = ['unauthenticated', 'invalid_key', 'csrf_failed', 'forbidden', 'route_not_found'];

/** Login and reset counters are bookkeeping of refused requests, not stored input. */
const BOOKKEEPING = ['rate_limits'];

let app: TestApp;
let owner: Builder;
let creds: Credentials;
let ids: Ids;

beforeAll(async () => {
  app = await startTestApp();
  owner = await signUp(app.url);
  const base = `${app.url}/api/workspaces/${owner.workspaceId}/environments`;
  const envs = await call<EnvironmentList>(base, { headers: as(owner) });
  const production = envs.body.data.find((e) => e.name === 'production')!;
  const rotated = await call<EnvironmentWithSecret>(`${base}/${production.id}/rotate-secret-key`, {
    method: 'POST',
    headers: as(owner),
  });
  creds = { builder: owner, sdkKey: production.sdkKey, secretKey: rotated.body.secretKey };
  await publishContent(app.db, owner.workspaceId, { name: 'Fuzzed tour' });
  const extra = {
    '/api/v1/users/{id}': 'fuzz-user',
    '/api/workspaces/{workspaceId}/users/{userId}': 'fuzz-user',
  };
  await seedThroughContract(app.url, creds, owner.workspaceId, extra);
  ids = await resolveIds(app.url, creds, owner.workspaceId, extra);
}, 60_000);
afterAll(() => app.close());

function casesFor(route: Route, marker: string): FuzzCase[] {
  const valid = validRequest(route, ids, true);
  const cases: FuzzCase[] = [];
  if (route.body) {
    const sample = validSample(route.body, 'full') ?? (valid.body as FuzzCase['body']) ?? {};
    cases.push(...bodyCases(route.body, sample, marker));
  }
  if (Object.keys(valid.params ?? {}).length) {
    cases.push(...paramCases(route.params, valid.params ?? {}));
  }
  if (route.query) {
    cases.push(...queryCases(route.query, asQuery(validSample(route.query, 'minimal'))));
  }
  return cases;
}

async function run(route: Route, session: Credentials, c: FuzzCase) {
  const valid = validRequest(route, ids, true);
  return send(app.url, route, session, {
    params: c.params ?? valid.params ?? {},
    query: c.query ?? valid.query ?? {},
    ...(c.raw !== undefined
      ? { raw: c.raw }
      : c.body !== undefined
        ? { body: c.body }
        : valid.body !== undefined
          ? { body: valid.body }
          : {}),
    headers: {
      'x-forwarded-for': freshIp(),
      ...(c.contentType ? { 'content-type': c.contentType } : {}),
    },
  });
}

describe.each(routes.map((route): [string, Route] => [route.name, route]))('%s', (_name, route) => {
  let session: Credentials;
  const marker = `wmFuzzUnknown${randomUUID().replace(/-/g, '')}`;

  beforeAll(async () => {
    // A session of its own: logout and member removal must not spoil the next route's run.
    session = { ...creds, builder: await signIn(app.url, owner.email, owner.password) };
  });

  it('reaches validation with valid credentials (so the cases below are not refused at the door)', async () => {
    const answer = await send(app.url, route, session, validRequest(route, ids, true));
    const code = (answer.body as { code?: string } | null)?.code;
    expect(answer.status).toBeLessThan(500);
    if (route.auth !== 'none') {
      expect(DOOR).not.toContain(code);
    }
  });

  it('answers 4xx to input its schema refuses, never 5xx, and stores nothing', async () => {
    const cases = casesFor(route, marker).filter((c) => c.invalid);
    const before = await rowCounts(app.db, BOOKKEEPING);
    const wrong: string[] = [];
    for (const c of cases) {
      const answer = await run(route, session, c);
      const expected = c.label.startsWith('oversized') && route.method !== 'GET' ? [413] : null;
      const code = (answer.body as { code?: string } | null)?.code ?? '';
      const refused = expected
        ? expected.includes(answer.status)
        : answer.status >= 400 && answer.status < 500;
      // Refused by validation, not at the door (which would make the case prove nothing). The
      // router refuses path parameters over 100 characters itself: route_not_found is fine there.
      const door = c.params ? DOOR.filter((d) => d !== 'route_not_found') : DOOR;
      const ok = refused && !door.includes(code);
      if (!ok)
        wrong.push(`${c.label} → ${answer.status} ${JSON.stringify(answer.body).slice(0, 160)}`);
    }
    expect(wrong).toEqual([]);
    expect(await rowCounts(app.db, BOOKKEEPING)).toEqual(before);
  });

  it('never answers 5xx to unknown keys, injection strings or pollution keys, and keeps no unknown key', async () => {
    const cases = casesFor(route, marker).filter((c) => !c.invalid);
    const wrong: string[] = [];
    for (const c of cases) {
      const answer = await run(route, session, c);
      if (answer.status >= 500) wrong.push(`${c.label} → ${answer.status}`);
    }
    expect(wrong).toEqual([]);
    expect(({} as Record<string, unknown>).wmPolluted).toBeUndefined();
    expect(await tablesContaining(app.db, marker)).toEqual([]);
    expect(await tablesContaining(app.db, 'wmPolluted')).toEqual([]);
  });
});

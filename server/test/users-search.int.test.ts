import type { UserSearchPage } from '@waymark/shared';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../src/database/data-source';
import { GoalsService } from '../src/goals/goals.service';
import { IdentityService } from '../src/identity/identity.service';
import { ConfigChanges } from '../src/content/config-changes';
import { JourneysService } from '../src/journeys/journeys.service';
import { SegmentsService } from '../src/segments/segments.service';
import { UsersService } from '../src/users/users.service';
import { createWorkspace } from './support/factories';
import { testDatabaseUrl } from './support/test-app';

/**
 * Search over more people than its newest-first walk looks at (2,000): whichever plan answers
 * (walk for common terms, index lookup for rare ones), pages are the matches newest first,
 * complete, without repeats, and merged people never appear.
 */

const PEOPLE = 3_000;
let db: DataSource;
let users: UsersService;
let workspaceId: string;

interface Person {
  n: number;
  userId: string;
  email: string;
  merged: boolean;
}
const people: Person[] = [];

beforeAll(async () => {
  db = await openDatabase(testDatabaseUrl());
  const identity = new IdentityService(db, new ConfigChanges(db));
  users = new UsersService(
    db,
    identity,
    new SegmentsService(db, identity),
    new GoalsService(db, identity),
    new JourneysService(db),
  );
  ({ workspaceId } = await createWorkspace(db));
  for (let n = 0; n < PEOPLE; n++) {
    // n = 0 is the newest. Every third is "even-ish" by its email; the three oldest are rare.
    const rare = n >= PEOPLE - 3;
    people.push({
      n,
      userId: rare ? `rare-id-${n}` : `u-${n}`,
      email: rare
        ? `zed.quux${n}@far.example`
        : `${n % 3 === 0 ? 'tri' : 'plain'}${n}@corp.example`,
      merged: n % 500 === 7,
    });
  }
  await db.query(
    `WITH p AS (
       SELECT x.n, x.user_id, x.email, x.merged, gen_random_uuid() AS id
         FROM jsonb_to_recordset($2::jsonb) AS x(n int, user_id text, email text, merged boolean)
     ), u AS (
       INSERT INTO end_users (workspace_id, id, user_id, traits, created_at, merged_into)
       SELECT $1, p.id, p.user_id, jsonb_build_object('email', p.email),
              now() - p.n * interval '1 second', CASE WHEN p.merged THEN p.id END FROM p
       RETURNING id, user_id
     )
     INSERT INTO identities (workspace_id, kind, external_id, end_user_id)
     SELECT $1, 'user', u.user_id, u.id FROM u`,
    [
      workspaceId,
      JSON.stringify(
        people.map((p) => ({ n: p.n, user_id: p.userId, email: p.email, merged: p.merged })),
      ),
    ],
  );
});
afterAll(() => db.destroy());

/** Every page of a search, following cursors. */
async function all(search: string, limit = 100): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const answer: UserSearchPage = await users.search(workspaceId, {
      search,
      limit,
      ...(cursor ? { cursor } : {}),
    });
    out.push(...answer.data.map((d) => d.userId ?? ''));
    if (!answer.nextCursor) return out;
    cursor = answer.nextCursor;
  }
  throw new Error('too many pages');
}

const expected = (match: (p: Person) => boolean) =>
  people.filter((p) => !p.merged && match(p)).map((p) => p.userId);

describe('user search over many people', () => {
  it('pages a term most people match newest first, complete and without repeats', async () => {
    const got = await all('corp.example');
    expect(got).toEqual(expected((p) => p.email.includes('corp.example')));
  });

  it('pages a term a third of people match the same way (case-insensitive)', async () => {
    const got = await all('TRI');
    expect(got).toEqual(expected((p) => p.email.startsWith('tri')));
  });

  it('finds rare matches older than the walk, by trait substring and by id prefix', async () => {
    expect(await all('quux')).toEqual(expected((p) => p.email.includes('quux')));
    expect(await all('RARE-ID-')).toEqual(expected((p) => p.userId.startsWith('rare-id-')));
    expect(await all('quux', 1)).toEqual(expected((p) => p.email.includes('quux')));
  });

  it('answers the first page of a common term from the newest people', async () => {
    const page = await users.search(workspaceId, { search: 'example', limit: 25 });
    expect(page.data.map((d) => d.userId)).toEqual(expected(() => true).slice(0, 25));
    expect(page.nextCursor).not.toBeNull();
  });

  it('answers nothing, with no cursor, for a term nobody matches', async () => {
    const page = await users.search(workspaceId, { search: 'zq', limit: 25 });
    expect(page).toEqual({ data: [], nextCursor: null });
  });
});

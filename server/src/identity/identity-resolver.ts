import { randomUUID } from 'node:crypto';
import type { IdentityOp, Queryable, UserMerge } from './identity-ops';
import type { JsonValue } from './json';

type Kind = 'user' | 'anonymous';
type Traits = Record<string, JsonValue>;
type Times = Record<string, string>;

/**
 * Identity resolution inside the caller's transaction. The caller holds the locks of the ids it
 * resolves and of their people (`lockIdentities`), so two writers never race to create, link or
 * merge the same person.
 */
export class IdentityResolver {
  readonly merges: UserMerge[] = [];

  constructor(
    private readonly q: Queryable,
    private readonly workspaceId: string,
  ) {}

  private async find(kind: Kind, externalId: string): Promise<string | null> {
    const rows = await this.q.query<Array<{ end_user_id: string }>>(
      `SELECT end_user_id FROM identities WHERE workspace_id = $1 AND kind = $2 AND external_id = $3`,
      [this.workspaceId, kind, externalId],
    );
    return rows[0]?.end_user_id ?? null;
  }

  private async userIdOf(endUserId: string): Promise<string | null> {
    const rows = await this.q.query<Array<{ user_id: string | null }>>(
      `SELECT user_id FROM end_users WHERE workspace_id = $1 AND id = $2`,
      [this.workspaceId, endUserId],
    );
    return rows[0]?.user_id ?? null;
  }

  private async create(userId: string | null, at: Date): Promise<string> {
    const id = randomUUID();
    await this.q.query(
      `INSERT INTO end_users (workspace_id, id, user_id, first_seen_at) VALUES ($1, $2, $3, $4)`,
      [this.workspaceId, id, userId, at],
    );
    if (userId) await this.link('user', userId, id);
    return id;
  }

  /** Points an external id at an end user (creating or repointing the identity). */
  private async link(kind: Kind, externalId: string, endUserId: string): Promise<void> {
    await this.q.query(
      `INSERT INTO identities (workspace_id, kind, external_id, end_user_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (workspace_id, kind, external_id) DO UPDATE SET end_user_id = EXCLUDED.end_user_id`,
      [this.workspaceId, kind, externalId, endUserId],
    );
  }

  /**
   * The end user for a (userId, anonymousId) pair, creating or linking as needed. When both ids
   * are known but belong to two people, the anonymous profile is merged into the identified one,
   * unless it was already identified as someone else (a shared device): then only the anonymous
   * id moves to the new user, and the other person's history stays theirs.
   */
  async resolve(userId: string | null, anonymousId: string | null, at: Date): Promise<string> {
    const u = userId ? await this.find('user', userId) : null;
    const a = anonymousId ? await this.find('anonymous', anonymousId) : null;
    if (u && a) {
      if (u !== a) {
        const other = await this.userIdOf(a);
        if (other && other !== userId) await this.link('anonymous', anonymousId!, u);
        else await this.merge(a, u);
      }
      return u;
    }
    if (u) {
      if (anonymousId) await this.link('anonymous', anonymousId, u);
      return u;
    }
    if (a) {
      if (!userId) return a;
      const other = await this.userIdOf(a);
      if (other && other !== userId) {
        const id = await this.create(userId, at);
        await this.link('anonymous', anonymousId!, id);
        return id;
      }
      await this.link('user', userId, a);
      await this.q.query(
        `UPDATE end_users SET user_id = $3, updated_at = now() WHERE workspace_id = $1 AND id = $2`,
        [this.workspaceId, a, userId],
      );
      return a;
    }
    const id = await this.create(userId, at);
    if (anonymousId) await this.link('anonymous', anonymousId, id);
    return id;
  }

  /** Segment's alias: `previousId` (a former userId or an anonymousId) becomes `userId`. */
  async alias(previousId: string, userId: string, at: Date): Promise<string> {
    const previous =
      (await this.find('user', previousId)) ?? (await this.find('anonymous', previousId));
    const current = await this.find('user', userId);
    if (previous && current) {
      if (previous !== current) await this.merge(previous, current);
      return current;
    }
    if (previous) {
      await this.link('user', userId, previous);
      await this.q.query(
        `UPDATE end_users SET user_id = $3, updated_at = now() WHERE workspace_id = $1 AND id = $2`,
        [this.workspaceId, previous, userId],
      );
      return previous;
    }
    return current ?? (await this.create(userId, at));
  }

  /** Folds `loser` into `winner`: identities, newer traits per key, companies, first seen. */
  async merge(loser: string, winner: string): Promise<void> {
    const rows = await this.q.query<
      Array<{ id: string; traits: Traits; trait_times: Times; first_seen_at: Date | null }>
    >(
      `SELECT id, traits, trait_times, first_seen_at FROM end_users
       WHERE workspace_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`,
      [this.workspaceId, [loser, winner]],
    );
    const l = rows.find((r) => r.id === loser);
    const w = rows.find((r) => r.id === winner);
    if (!l || !w) return;
    const traits: Traits = { ...w.traits };
    const times: Times = { ...w.trait_times };
    for (const [key, value] of Object.entries(l.traits)) {
      const lt = l.trait_times[key] ?? '';
      if (!(key in traits) || lt > (times[key] ?? '')) {
        traits[key] = value;
        times[key] = lt;
      }
    }
    const firstSeen = [l.first_seen_at, w.first_seen_at].filter((d): d is Date => d !== null);
    await this.q.query(
      `UPDATE end_users SET traits = $3, trait_times = $4, first_seen_at = $5, updated_at = now()
       WHERE workspace_id = $1 AND id = $2`,
      [
        this.workspaceId,
        winner,
        JSON.stringify(traits),
        JSON.stringify(times),
        firstSeen.length ? new Date(Math.min(...firstSeen.map((d) => d.getTime()))) : null,
      ],
    );
    await this.q.query(
      `UPDATE identities SET end_user_id = $3 WHERE workspace_id = $1 AND end_user_id = $2`,
      [this.workspaceId, loser, winner],
    );
    await this.q.query(
      `INSERT INTO company_members (workspace_id, end_user_id, company_id, joined_at)
       SELECT workspace_id, $3, company_id, joined_at FROM company_members
       WHERE workspace_id = $1 AND end_user_id = $2 ON CONFLICT DO NOTHING;`,
      [this.workspaceId, loser, winner],
    );
    await this.q.query(`DELETE FROM company_members WHERE workspace_id = $1 AND end_user_id = $2`, [
      this.workspaceId,
      loser,
    ]);
    await this.q.query(
      `UPDATE end_users SET merged_into = $3, updated_at = now()
       WHERE workspace_id = $1 AND (id = $2 OR merged_into = $2)`,
      [this.workspaceId, loser, winner],
    );
    this.merges.push({ workspaceId: this.workspaceId, winner, loser });
  }

  /** Applies identify traits or a group call; `at` orders trait writes (newest wins per key). */
  async apply(
    endUserId: string,
    op: Exclude<IdentityOp, { kind: 'alias' }>,
    at: Date,
  ): Promise<void> {
    const stamp = at.toISOString();
    if (op.kind === 'identify') {
      if (Object.keys(op.traits).length === 0) return;
      await this.q.query(
        `UPDATE end_users u SET (traits, trait_times) =
           (SELECT merged, merged_times FROM wm_merge_traits(u.traits, u.trait_times, $3::jsonb, $4)),
           updated_at = now()
         WHERE u.workspace_id = $1 AND u.id = $2`,
        [this.workspaceId, endUserId, JSON.stringify(op.traits), stamp],
      );
      return;
    }
    await this.q.query(
      `INSERT INTO companies (workspace_id, id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [this.workspaceId, op.groupId],
    );
    if (Object.keys(op.traits).length > 0) {
      await this.q.query(
        `UPDATE companies c SET (traits, trait_times) =
           (SELECT merged, merged_times FROM wm_merge_traits(c.traits, c.trait_times, $3::jsonb, $4)),
           updated_at = now()
         WHERE c.workspace_id = $1 AND c.id = $2`,
        [this.workspaceId, op.groupId, JSON.stringify(op.traits), stamp],
      );
    }
    await this.q.query(
      `INSERT INTO company_members (workspace_id, end_user_id, company_id, joined_at)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [this.workspaceId, endUserId, op.groupId, at],
    );
  }
}

import { randomUUID } from 'node:crypto';
import { PLAN_EACH_RUN, type Queryable, type UserMerge } from './identity-ops';
import { IdentityResolver } from './identity-resolver';
import { idKey as key, type IdKind as Kind, type LoadedIds } from './identity-locks';
import type { JsonValue } from './json';

type Pending = Map<string, { v: JsonValue; t: string }>;
interface Created {
  userId: string | null;
  at: Date;
  traits: Pending;
}

/**
 * Resolves many (userId, anonymousId) pairs of one workspace with a handful of statements: one
 * lookup of every id involved, then creations and links decided in memory and written in bulk.
 * Only a merge of two existing people (rare) takes the row-by-row IdentityResolver path, which
 * this class mirrors exactly for everything else. The caller holds the locks of every id it
 * resolves and of their people (`lockIdentities`).
 */
export class BulkResolver {
  private readonly ids = new Map<string, string>();
  private readonly userIdOf = new Map<string, string | null>();
  /** People created in this flush and not yet written: renames and traits fold into the INSERT. */
  private creates = new Map<string, Created>();
  private links = new Map<string, { kind: Kind; externalId: string; endUserId: string }>();
  private renames = new Map<string, string>();
  private traits = new Map<string, Pending>();
  private readonly slow: IdentityResolver;

  /** `loaded`: the current owner of every id to resolve, read under `lockIdentities`. */
  constructor(
    private readonly q: Queryable,
    private readonly workspaceId: string,
    loaded: LoadedIds | undefined,
  ) {
    this.slow = new IdentityResolver(q, workspaceId);
    for (const [k, id] of loaded?.ids ?? []) this.ids.set(k, id);
    for (const [id, userId] of loaded?.userIdOf ?? []) this.userIdOf.set(id, userId);
  }

  get merges(): UserMerge[] {
    return this.slow.merges;
  }

  private link(kind: Kind, externalId: string, endUserId: string): void {
    this.ids.set(key(kind, externalId), endUserId);
    this.links.set(key(kind, externalId), { kind, externalId, endUserId });
  }

  private create(userId: string | null, at: Date): string {
    const id = randomUUID();
    this.creates.set(id, { userId, at, traits: new Map() });
    this.userIdOf.set(id, userId);
    if (userId) this.link('user', userId, id);
    return id;
  }

  private setUserId(endUserId: string, userId: string): void {
    this.userIdOf.set(endUserId, userId);
    const created = this.creates.get(endUserId);
    if (created) created.userId = userId;
    else this.renames.set(endUserId, userId);
  }

  /** Same decisions as IdentityResolver.resolve, in memory unless two people must merge. */
  async resolve(userId: string | null, anonymousId: string | null, at: Date): Promise<string> {
    const u = userId ? this.ids.get(key('user', userId)) : undefined;
    const a = anonymousId ? this.ids.get(key('anonymous', anonymousId)) : undefined;
    if (u && a) {
      if (u === a) return u;
      const other = this.userIdOf.get(a) ?? null;
      if (other && other !== userId) {
        this.link('anonymous', anonymousId!, u);
        return u;
      }
      await this.flush();
      const id = await this.slow.resolve(userId, anonymousId, at);
      this.afterSlow();
      return id;
    }
    if (u) {
      if (anonymousId) this.link('anonymous', anonymousId, u);
      return u;
    }
    if (a) {
      if (!userId) return a;
      const other = this.userIdOf.get(a) ?? null;
      if (other && other !== userId) {
        const id = this.create(userId, at);
        this.link('anonymous', anonymousId!, id);
        return id;
      }
      this.link('user', userId, a);
      this.setUserId(a, userId);
      return a;
    }
    const id = this.create(userId, at);
    if (anonymousId) this.link('anonymous', anonymousId, id);
    return id;
  }

  async alias(previousId: string, userId: string, at: Date): Promise<string> {
    await this.flush();
    const id = await this.slow.alias(previousId, userId, at);
    this.ids.set(key('user', userId), id);
    this.userIdOf.set(id, userId);
    this.afterSlow();
    return id;
  }

  /** Merges repoint every identity of the loser: mirror that in memory. */
  private afterSlow(): void {
    for (const m of this.slow.merges) {
      for (const [k, id] of this.ids) if (id === m.loser) this.ids.set(k, m.winner);
    }
  }

  /** The person an id ended up with after this flush's merges. */
  canonical(endUserId: string): string {
    let id = endUserId;
    for (const m of this.slow.merges) if (m.loser === id) id = m.winner;
    return id;
  }

  /** Queues identify traits; per key the newest time wins (ties: the later call). */
  identify(endUserId: string, traits: Record<string, JsonValue>, at: Date): void {
    let pending = this.creates.get(endUserId)?.traits ?? this.traits.get(endUserId);
    if (!pending) this.traits.set(endUserId, (pending = new Map()));
    const t = at.toISOString();
    for (const [k, v] of Object.entries(traits)) {
      const current = pending.get(k);
      if (!current || current.t <= t) pending.set(k, { v, t });
    }
  }

  async group(
    endUserId: string,
    groupId: string,
    traits: Record<string, JsonValue>,
    at: Date,
  ): Promise<void> {
    await this.flush();
    await this.slow.apply(this.canonical(endUserId), { kind: 'group', groupId, traits }, at);
  }

  /**
   * Writes what was decided in memory: new people (with their user id and traits as decided in
   * this flush), user ids of existing people, identities, then traits of existing people.
   */
  async flush(): Promise<void> {
    const w = this.workspaceId;
    if (this.creates.size > 0) {
      const creates = [...this.creates];
      const traitsOf = ({ traits }: Created, part: 'v' | 't'): string | null => {
        if (traits.size === 0) return null;
        const out: Record<string, JsonValue> = {};
        for (const [k, x] of traits) out[k] = x[part];
        return JSON.stringify(out);
      };
      await this.q.query(
        `INSERT INTO end_users (workspace_id, id, user_id, first_seen_at, traits, trait_times)
         SELECT $1, x.id, x.user_id, x.at, coalesce(x.traits, '{}'), coalesce(x.times, '{}')
         FROM unnest($2::uuid[], $3::text[], $4::timestamptz[], $5::jsonb[], $6::jsonb[])
           AS x(id, user_id, at, traits, times)`,
        [
          w,
          creates.map(([id]) => id),
          creates.map(([, c]) => c.userId),
          creates.map(([, c]) => c.at),
          creates.map(([, c]) => traitsOf(c, 'v')),
          creates.map(([, c]) => traitsOf(c, 't')),
        ],
      );
      this.creates = new Map();
    }
    if (this.renames.size > 0) {
      await this.q.query(
        `${PLAN_EACH_RUN}UPDATE end_users u SET user_id = x.user_id, updated_at = now()
         FROM unnest($2::uuid[], $3::text[]) AS x(id, user_id) WHERE u.workspace_id = $1 AND u.id = x.id`,
        [w, [...this.renames.keys()], [...this.renames.values()]],
      );
      this.renames = new Map();
    }
    if (this.links.size > 0) {
      const links = [...this.links.values()];
      await this.q.query(
        `INSERT INTO identities (workspace_id, kind, external_id, end_user_id)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::uuid[])
         ON CONFLICT (workspace_id, kind, external_id) DO UPDATE SET end_user_id = EXCLUDED.end_user_id`,
        [
          w,
          links.map((l) => l.kind),
          links.map((l) => l.externalId),
          links.map((l) => l.endUserId),
        ],
      );
      this.links = new Map();
    }
    if (this.traits.size > 0) {
      const byUser = new Map<string, Record<string, { v: JsonValue; t: string }>>();
      for (const [id, pending] of this.traits) {
        const target = this.canonical(id);
        const merged = byUser.get(target) ?? {};
        for (const [k, x] of pending) if (!merged[k] || merged[k].t <= x.t) merged[k] = x;
        byUser.set(target, merged);
      }
      await this.q.query(
        `${PLAN_EACH_RUN}UPDATE end_users u SET (traits, trait_times) = (
           SELECT u.traits || coalesce(jsonb_object_agg(e.k, e.x -> 'v'), '{}'),
                  u.trait_times || coalesce(jsonb_object_agg(e.k, e.x -> 't'), '{}')
           FROM jsonb_each(x.incoming) AS e(k, x)
           WHERE coalesce(u.trait_times ->> e.k, '') <= e.x ->> 't'), updated_at = now()
         FROM unnest($2::uuid[], $3::jsonb[]) AS x(id, incoming)
         WHERE u.workspace_id = $1 AND u.id = x.id`,
        [w, [...byUser.keys()], [...byUser.values()].map((v) => JSON.stringify(v))],
      );
      this.traits = new Map();
    }
  }
}

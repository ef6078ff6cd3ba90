import type { EventRow } from '../events/event-row';
import type { Queryable, UserMerge, UserTouch } from './identity-ops';
import { BulkResolver } from './bulk-resolver';
import { lockIdentities, type IdRef } from './identity-locks';

export interface KeyedRow extends EventRow {
  workspaceId: string;
}

export const pairKey = (ws: string, userId: string | null, anonymousId: string | null): string =>
  `${ws}\u0000${userId ?? ''}\u0000${anonymousId ?? ''}`;

const samePair = (a: KeyedRow, b: KeyedRow): boolean =>
  a.workspaceId === b.workspaceId && a.userId === b.userId && a.anonymousId === b.anonymousId;

/** The ids an event's identity work reads: its own, and an alias's previous id as either kind. */
function refsOf(row: KeyedRow): IdRef[] {
  const refs: IdRef[] = [];
  const add = (kind: IdRef['kind'], externalId: string | null): void => {
    if (externalId) refs.push({ workspaceId: row.workspaceId, kind, externalId });
  };
  add('user', row.userId);
  add('anonymous', row.anonymousId);
  if (row.identity?.kind === 'alias') {
    add('user', row.identity.previousId);
    add('anonymous', row.identity.previousId);
  }
  return refs;
}

/**
 * Remembers which (userId, anonymousId) pairs are already resolved, and to whom, so events of a
 * known pair skip identity work. An identity that leaves a person (merge, shared device, alias,
 * deletion; any instance: NOTIFY `waymark_identity`) makes every pair resolved to that person be
 * forgotten (`forget`). While such news may be missed (the listener is down) nothing is
 * remembered (`enabled`).
 */
export class PairCache {
  private readonly map = new Map<string, string>();
  /** Person → the pairs resolved to them. */
  private readonly byPerson = new Map<string, Set<string>>();
  /** Moves every time entries are forgotten: a plan that saw another value caches nothing. */
  private generation = 0;
  private on = true;

  constructor(private readonly max = 200_000) {}

  get epoch(): number {
    return this.generation;
  }

  get(key: string): string | undefined {
    return this.map.get(key);
  }

  set(key: string, endUserId: string): void {
    if (!this.on) return;
    this.remove(key);
    this.map.set(key, endUserId);
    let keys = this.byPerson.get(endUserId);
    if (!keys) this.byPerson.set(endUserId, (keys = new Set()));
    keys.add(key);
    if (this.map.size > this.max) this.remove(this.map.keys().next().value!);
  }

  /** Drops every pair resolved to this person. */
  forget(endUserId: string): void {
    this.generation++;
    const keys = this.byPerson.get(endUserId);
    if (!keys) return;
    for (const key of keys) this.map.delete(key);
    this.byPerson.delete(endUserId);
  }

  /** Off: forgets everything and remembers nothing until switched on again. */
  set enabled(on: boolean) {
    this.on = on;
    this.clear();
  }

  clear(): void {
    this.generation++;
    this.map.clear();
    this.byPerson.clear();
  }

  get size(): number {
    return this.map.size;
  }

  private remove(key: string): void {
    const endUserId = this.map.get(key);
    if (endUserId === undefined) return;
    this.map.delete(key);
    const keys = this.byPerson.get(endUserId);
    keys?.delete(key);
    if (keys?.size === 0) this.byPerson.delete(endUserId);
  }
}

/**
 * The identity side of one flush: resolves pairs the cache does not know, applies identify,
 * group and alias calls of newly stored events (never of duplicates), and says which end users
 * each committed event touched.
 */
export class WritePlan {
  private readonly ids = new Map<string, string>();
  private readonly missing = new Map<string, KeyedRow>();
  private readonly ops: KeyedRow[];
  /** Each row's pairKey, by index. */
  private readonly pairKeys: string[] = [];
  /** The cache's epoch before this plan read anything (see commit). */
  private readonly epoch: number;
  readonly needsTransaction: boolean;

  constructor(
    private readonly rows: KeyedRow[],
    private readonly cache: PairCache,
  ) {
    this.epoch = cache.epoch;
    let previous: KeyedRow | undefined;
    for (const row of rows) {
      // Consecutive rows of one sender (most of a batch) share the key and its lookups.
      if (previous && samePair(previous, row)) {
        this.pairKeys.push(this.pairKeys[this.pairKeys.length - 1]!);
        continue;
      }
      previous = row;
      const key = pairKey(row.workspaceId, row.userId, row.anonymousId);
      this.pairKeys.push(key);
      const known = cache.get(key);
      if (known) this.ids.set(key, known);
      else if (!this.missing.has(key)) this.missing.set(key, row);
    }
    this.ops = rows.filter((r) => r.identity).sort((a, b) => a.ts.getTime() - b.ts.getTime());
    this.needsTransaction = this.missing.size > 0 || this.ops.length > 0;
  }

  /**
   * In the caller's transaction, after the events' insert: resolves the new pairs and applies the
   * identify, group and alias calls of newly stored events (`duplicates`: already stored, by
   * `${workspace}\0${messageId}`; a retry never re-applies an old call).
   */
  async apply(q: Queryable, duplicates: Set<string>): Promise<UserMerge[]> {
    const ops = this.ops.filter((r) => !duplicates.has(`${r.workspaceId}\u0000${r.messageId}`));
    const involved = [...this.missing.values(), ...ops];
    const loaded = await lockIdentities(q, involved.flatMap(refsOf));
    const workspaces = [...new Set(involved.map((r) => r.workspaceId))].sort();
    const merges: UserMerge[] = [];
    for (const ws of workspaces) {
      const resolver = new BulkResolver(q, ws, loaded.get(ws));
      const missing = [...this.missing].filter(([, row]) => row.workspaceId === ws);
      const wsOps = ops.filter((r) => r.workspaceId === ws);
      for (const [key, row] of missing) {
        this.ids.set(key, await resolver.resolve(row.userId, row.anonymousId, row.ts));
      }
      for (const row of wsOps) {
        const key = pairKey(ws, row.userId, row.anonymousId);
        const op = row.identity!;
        if (op.kind === 'alias') {
          this.ids.set(key, await resolver.alias(op.previousId, row.userId!, row.ts));
          continue;
        }
        // Resolved from this flush's fresh lookup, not the cache: another writer may have merged.
        const id = await resolver.resolve(row.userId, row.anonymousId, row.ts);
        this.ids.set(key, id);
        if (op.kind === 'identify') resolver.identify(id, op.traits, row.ts);
        else await resolver.group(id, op.groupId, op.traits, row.ts);
      }
      await resolver.flush();
      for (const [key, id] of this.ids) this.ids.set(key, resolver.canonical(id));
      merges.push(...resolver.merges);
    }
    return merges;
  }

  /**
   * After commit: remember the resolved pairs, unless the cache forgot something since this plan
   * began: that news (an identity moving, committed after this flush's lookup) may concern a
   * pair resolved here, which would otherwise be remembered with its former owner.
   */
  commit(): void {
    if (this.cache.epoch !== this.epoch) return;
    for (const key of this.missing.keys()) {
      const id = this.ids.get(key);
      if (id) this.cache.set(key, id);
    }
  }

  /** Who the newly stored rows touched; `duplicates`: rows already stored (`${ws}\0${id}`). */
  touches(duplicates: Set<string>): UserTouch[] {
    const byUser = new Map<string, UserTouch>();
    let previousKey: string | undefined;
    let touch: UserTouch | undefined;
    for (let i = 0; i < this.rows.length; i++) {
      const row = this.rows[i]!;
      if (duplicates.size > 0 && duplicates.has(`${row.workspaceId}\u0000${row.messageId}`)) {
        continue;
      }
      const key = this.pairKeys[i]!;
      // Rows of one pair share the key string (see the constructor): one lookup for the run.
      if (key !== previousKey) {
        previousKey = key;
        const endUserId = this.ids.get(key);
        touch = endUserId ? byUser.get(endUserId) : undefined;
        if (endUserId && !touch) {
          // End user ids are random UUIDs: unique across workspaces, a key on their own.
          touch = {
            workspaceId: row.workspaceId,
            endUserId,
            eventNames: new Set(),
            traits: false,
            companies: false,
          };
          byUser.set(endUserId, touch);
        }
      }
      if (!touch) continue;
      touch.eventNames.add(row.name);
      if (row.identity?.kind === 'identify') touch.traits = true;
      if (row.identity?.kind === 'group') touch.companies = true;
      if (row.identity?.kind === 'alias') touch.traits = true;
    }
    return [...byUser.values()];
  }
}

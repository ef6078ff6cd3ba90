import type { JsonValue } from './json';

/** Something that runs SQL: a DataSource, or a QueryRunner inside a transaction. */
export interface Queryable {
  query<T = unknown>(sql: string, params?: unknown[]): Promise<T>;
}

/**
 * Starts a statement that joins a table to arrays of keys: it is planned for each run, not
 * prepared once (preparedQueries). A plan kept from when the table was small (a fresh install, the
 * first flushes after a restart on a small database) scans and hashes the whole table, and keeps
 * doing so as the table grows; planned with the arrays' real sizes, it probes the primary key.
 * Planning costs ≈ 0.1 ms. (The identities lookup, the hot one, is shaped so that even a
 * prepared plan probes: see lockIdentities.)
 */
export const PLAN_EACH_RUN = '/* plan each run */ ';

/** An identity change an event carries; applied in the same transaction as the event. */
export type IdentityOp =
  | { kind: 'identify'; traits: Record<string, JsonValue> }
  | { kind: 'group'; groupId: string; traits: Record<string, JsonValue> }
  | { kind: 'alias'; previousId: string };

/** Who sent an event: at least one of the two. */
export interface UserRef {
  userId?: string | null | undefined;
  anonymousId?: string | null | undefined;
}

/** What changed for one end user in a committed write; feeds incremental evaluation. */
export interface UserTouch {
  workspaceId: string;
  endUserId: string;
  eventNames: Set<string>;
  traits: boolean;
  companies: boolean;
}

/** Two end users became one: `loser`'s identities now point at `winner`. */
export interface UserMerge {
  workspaceId: string;
  winner: string;
  loser: string;
}

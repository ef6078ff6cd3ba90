import type { JsonValue } from './json';

/** Something that runs SQL: a DataSource, or a QueryRunner inside a transaction. */
export interface Queryable {
  query<T = unknown>(sql: string, params?: unknown[]): Promise<T>;
}

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

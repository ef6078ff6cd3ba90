import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConfigChanges, IDENTITY_CHANNEL } from '../content/config-changes';
import type { JsonValue } from './json';
import type { UserRef } from './identity-ops';
import { PairCache, WritePlan, type KeyedRow } from './write-plan';

export interface EndUserProfile {
  id: string;
  userId: string | null;
  anonymousIds: string[];
  traits: Record<string, JsonValue>;
  traitTimes: Record<string, string>;
  companies: Array<{ id: string; traits: Record<string, JsonValue>; joinedAt: string }>;
  firstSeenAt: string | null;
  createdAt: string;
}

/**
 * End users and their identities. The write side runs inside the event writer's flush
 * (`plan`); the read side resolves a (userId, anonymousId) to the canonical end user.
 */
@Injectable()
export class IdentityService implements OnModuleInit, OnModuleDestroy {
  private readonly cache = new PairCache();
  private readonly unsubscribe: Array<() => void> = [];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: ConfigChanges,
  ) {}

  /** Resolved pairs are trusted only while news of identities moving can reach this instance. */
  onModuleInit(): void {
    this.unsubscribe.push(
      this.changes.on(IDENTITY_CHANNEL, (payload) => {
        this.cache.forget(payload.slice(payload.indexOf(' ') + 1));
      }),
      this.changes.onState((listening) => {
        this.cache.enabled = listening;
      }),
    );
  }

  onModuleDestroy(): void {
    for (const off of this.unsubscribe.splice(0)) off();
  }

  plan(rows: KeyedRow[]): WritePlan {
    return new WritePlan(rows, this.cache);
  }

  /** The canonical end user for a reference: the userId's person first, else the anonymous id's. */
  async find(workspaceId: string, ref: UserRef): Promise<string | null> {
    const rows = await this.db.query<Array<{ end_user_id: string }>>(
      `SELECT end_user_id FROM identities
       WHERE workspace_id = $1 AND ((kind = 'user' AND external_id = $2) OR (kind = 'anonymous' AND external_id = $3))
       ORDER BY kind DESC LIMIT 1`,
      [workspaceId, ref.userId ?? null, ref.anonymousId ?? null],
    );
    return rows[0]?.end_user_id ?? null;
  }

  /** Maps end user ids (possibly merged away) to the person they are now. */
  async canonical(workspaceId: string, ids: string[]): Promise<Map<string, string>> {
    const rows = await this.db.query<Array<{ id: string; canonical: string }>>(
      `SELECT id, coalesce(merged_into, id) AS canonical FROM end_users
       WHERE workspace_id = $1 AND id = ANY($2::uuid[])`,
      [workspaceId, ids],
    );
    return new Map(rows.map((r) => [r.id, r.canonical]));
  }

  async profile(workspaceId: string, endUserId: string): Promise<EndUserProfile | null> {
    const [user] = await this.db.query<
      Array<{
        id: string;
        user_id: string | null;
        traits: Record<string, JsonValue>;
        trait_times: Record<string, string>;
        first_seen_at: Date | null;
        created_at: Date;
        anonymous_ids: string[];
      }>
    >(
      `SELECT u.id, u.user_id, u.traits, u.trait_times, u.first_seen_at, u.created_at,
              coalesce(array_agg(i.external_id ORDER BY i.created_at) FILTER (WHERE i.kind = 'anonymous'), '{}') AS anonymous_ids
       FROM end_users u LEFT JOIN identities i ON i.workspace_id = u.workspace_id AND i.end_user_id = u.id
       WHERE u.workspace_id = $1 AND u.id = $2 GROUP BY u.workspace_id, u.id`,
      [workspaceId, endUserId],
    );
    if (!user) return null;
    const companies = await this.db.query<
      Array<{ id: string; traits: Record<string, JsonValue>; joined_at: Date }>
    >(
      `SELECT c.id, c.traits, m.joined_at FROM company_members m
       JOIN companies c ON c.workspace_id = m.workspace_id AND c.id = m.company_id
       WHERE m.workspace_id = $1 AND m.end_user_id = $2 ORDER BY m.joined_at, c.id`,
      [workspaceId, endUserId],
    );
    return {
      id: user.id,
      userId: user.user_id,
      anonymousIds: user.anonymous_ids,
      traits: user.traits,
      traitTimes: user.trait_times,
      companies: companies.map((c) => ({
        id: c.id,
        traits: c.traits,
        joinedAt: c.joined_at.toISOString(),
      })),
      firstSeenAt: user.first_seen_at?.toISOString() ?? null,
      createdAt: user.created_at.toISOString(),
    };
  }

  /** Traits of the user and of each of their companies, for rule snapshots. */
  async traitsOf(
    workspaceId: string,
    endUserId: string,
  ): Promise<{ traits: Record<string, JsonValue>; companies: Array<Record<string, JsonValue>> }> {
    const [row] = await this.db.query<
      Array<{ traits: Record<string, JsonValue>; companies: Array<Record<string, JsonValue>> }>
    >(
      `SELECT u.traits, coalesce((SELECT jsonb_agg(c.traits ORDER BY c.id) FROM company_members m
         JOIN companies c ON c.workspace_id = m.workspace_id AND c.id = m.company_id
         WHERE m.workspace_id = u.workspace_id AND m.end_user_id = u.id), '[]') AS companies
       FROM end_users u WHERE u.workspace_id = $1 AND u.id = $2`,
      [workspaceId, endUserId],
    );
    return row ?? { traits: {}, companies: [] };
  }

  /** Forgets resolved pairs (tests that rewrite identities behind the writer's back). */
  clearCache(): void {
    this.cache.clear();
  }
}

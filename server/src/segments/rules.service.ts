import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  emptyDeps,
  evaluateRule,
  ruleDeps,
  type ClientContext,
  type JsonLike,
  type Rule,
  type SnapshotEvent,
  type UserSnapshot,
} from '@waymark/shared';
import { DataSource } from 'typeorm';
import { GoalsService } from '../goals/goals.service';
import type { UserRef } from '../identity/identity-ops';
import { IdentityService } from '../identity/identity.service';
import { JourneysService } from '../journeys/journeys.service';
import { SegmentsService } from './segments.service';

const userEvents = (filter: string) => `
  SELECT e.name, e.ts, e.properties, e.message_id FROM identities i
  JOIN events e ON e.workspace_id = i.workspace_id AND e.user_id = i.external_id
  WHERE i.workspace_id = $1 AND i.end_user_id = $2 AND i.kind = 'user' AND e.workspace_id = $1
    AND e.user_id IS NOT NULL AND ${filter}
  UNION ALL
  SELECT e.name, e.ts, e.properties, e.message_id FROM identities i
  JOIN events e ON e.workspace_id = i.workspace_id AND e.anonymous_id = i.external_id
  WHERE i.workspace_id = $1 AND i.end_user_id = $2 AND i.kind = 'anonymous' AND e.workspace_id = $1
    AND e.user_id IS NULL AND ${filter}`;

/**
 * Evaluates rules in memory for one user, over a snapshot holding only what the rules read.
 * The SDK decision path calls `evaluate` (audiences, with the page context); the answers equal
 * the SQL compiler's (rule-cases.json).
 */
@Injectable()
export class RulesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly identity: IdentityService,
    private readonly goals: GoalsService,
    private readonly journeys: JourneysService,
    private readonly segments: SegmentsService,
  ) {}

  /** Whether `rule` holds now for the user (by userId, else anonymousId). Unknown users have no history. */
  async evaluate(
    workspaceId: string,
    user: UserRef,
    rule: Rule,
    context?: ClientContext,
    now = new Date(),
  ): Promise<boolean> {
    const [answer] = await this.evaluateMany(workspaceId, user, [rule], context, now);
    return answer ?? false;
  }

  /** Several rules over one snapshot (one set of queries). */
  async evaluateMany(
    workspaceId: string,
    user: UserRef,
    rules: Rule[],
    context?: ClientContext,
    now = new Date(),
  ): Promise<boolean[]> {
    const endUserId = await this.identity.find(workspaceId, user);
    const deps = emptyDeps();
    rules.forEach((r) => ruleDeps(r, deps));
    const snapshot = endUserId
      ? await this.snapshot(workspaceId, endUserId, deps)
      : { traits: {}, companies: [], events: [], goals: [], journeyStages: {}, segments: [] };
    if (context) snapshot.context = context;
    return rules.map((r) => evaluateRule(r, snapshot, now));
  }

  /** Loads what `deps` says the rules read, and nothing else. */
  async snapshot(
    workspaceId: string,
    endUserId: string,
    deps = emptyDeps(),
  ): Promise<UserSnapshot> {
    const snapshot: UserSnapshot = {
      traits: {},
      companies: [],
      events: [],
      goals: [],
      journeyStages: {},
      segments: [],
    };
    if (deps.traits || deps.companies) {
      const { traits, companies } = await this.identity.traitsOf(workspaceId, endUserId);
      snapshot.traits = traits as Record<string, JsonLike>;
      snapshot.companies = companies as Array<Record<string, JsonLike>>;
    }
    if (deps.eventNames.size > 0) {
      const rows = await this.db.query<
        Array<{ name: string; ts: Date; properties: Record<string, JsonLike>; message_id: string }>
      >(userEvents('e.name = ANY($3::text[])'), [workspaceId, endUserId, [...deps.eventNames]]);
      snapshot.events = rows.map((r): SnapshotEvent => ({
        name: r.name,
        ts: r.ts.getTime(),
        properties: r.properties,
        messageId: r.message_id,
      }));
    }
    if (deps.anyEvent) {
      const [row] = await this.db.query<Array<{ first: Date | null; last: Date | null }>>(
        `SELECT min(x.ts) AS first, max(x.ts) AS last FROM (${userEvents('true')}) x`,
        [workspaceId, endUserId],
      );
      snapshot.firstSeen = row?.first?.getTime() ?? null;
      snapshot.lastSeen = row?.last?.getTime() ?? null;
    }
    if (deps.goals.size > 0) snapshot.goals = await this.goals.reachedBy(workspaceId, endUserId);
    if (deps.journeys.size > 0)
      snapshot.journeyStages = await this.journeys.stagesOf(workspaceId, endUserId);
    if (deps.segments.size > 0)
      snapshot.segments = await this.segments.segmentsOf(workspaceId, endUserId);
    return snapshot;
  }
}

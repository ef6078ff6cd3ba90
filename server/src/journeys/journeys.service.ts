import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Journey, JourneyInput, JourneyStage, JourneyStats } from '@waymark/shared';
import { DataSource } from 'typeorm';
import { DefinitionStore, type StoredDefinition } from '../identity/definition-store';
import type { UserMerge } from '../identity/identity-ops';
import { assertServerRule, elapsed, withDefinitionLock } from '../identity/rule-scope';
import type { LiveStatement } from '../segments/live-connection';
import { journeyRefreshSql, refreshJourney } from './journey-refresh';
import { journeyStats } from './journey-stats';

export type StoredJourney = StoredDefinition<JourneyStage[]>;

/** Journeys: ordered stages with entry rules; every user's stage, entry times, conversion, stalls. */
@Injectable()
export class JourneysService {
  readonly store: DefinitionStore<JourneyStage[]>;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.store = new DefinitionStore(db, 'journeys', 'stages', 'journey');
  }

  private view(j: StoredJourney): Journey {
    return {
      id: j.id,
      name: j.name,
      stages: j.body,
      createdAt: j.createdAt.toISOString(),
      updatedAt: j.updatedAt.toISOString(),
    };
  }

  async list(workspaceId: string): Promise<Journey[]> {
    return (await this.store.list(workspaceId)).map((j) => this.view(j));
  }

  async get(workspaceId: string, id: string): Promise<Journey> {
    return this.view(await this.store.get(workspaceId, id));
  }

  async create(workspaceId: string, input: JourneyInput): Promise<StoredJourney> {
    input.stages.forEach((s, i) => assertServerRule(s.rule, `stages.${i}.rule`));
    return this.store.create(workspaceId, input.name, input.stages);
  }

  /** New stages: positions and entries start over from the new definition. */
  async update(workspaceId: string, id: string, input: JourneyInput): Promise<StoredJourney> {
    input.stages.forEach((s, i) => assertServerRule(s.rule, `stages.${i}.rule`));
    const journey = await this.store.update(workspaceId, id, input.name, input.stages);
    await this.db.query(
      `DELETE FROM journey_positions WHERE workspace_id = $1 AND journey_id = $2;`,
      [workspaceId, id],
    );
    await this.db.query(
      `DELETE FROM journey_stage_entries WHERE workspace_id = $1 AND journey_id = $2`,
      [workspaceId, id],
    );
    return journey;
  }

  remove(workspaceId: string, id: string): Promise<void> {
    return this.store.remove(workspaceId, id);
  }

  async refresh(workspaceId: string, journey: StoredJourney, now = new Date(), users?: string[]) {
    const start = performance.now();
    const counts = await withDefinitionLock(this.db, journey.id, (q) =>
      refreshJourney(q, workspaceId, journey.id, journey.body, now, users),
    );
    return { ...counts, ms: elapsed(start) };
  }

  /** Incremental evaluation (LiveEvaluator): the statement evaluating these users only. */
  liveStatement(
    workspaceId: string,
    journey: StoredJourney,
    now: Date,
    users: string[],
  ): LiveStatement {
    return {
      definitionId: journey.id,
      ...journeyRefreshSql(workspaceId, journey.id, journey.body, now, users),
    };
  }

  async stats(workspaceId: string, id: string, stallDays: number): Promise<JourneyStats> {
    const journey = await this.store.get(workspaceId, id);
    return journeyStats(this.db, workspaceId, id, journey.body, stallDays, new Date());
  }

  /** The user's stage in each journey, with when they entered every stage so far. */
  async forUser(workspaceId: string, endUserId: string) {
    const journeys = await this.store.cached(workspaceId);
    const positions = await this.db.query<
      Array<{ journey_id: string; stage_id: string; since: Date }>
    >(
      `SELECT journey_id, stage_id, since FROM journey_positions WHERE workspace_id = $1 AND end_user_id = $2`,
      [workspaceId, endUserId],
    );
    const entries = await this.db.query<
      Array<{ journey_id: string; stage_id: string; entered_at: Date }>
    >(
      `SELECT journey_id, stage_id, entered_at FROM journey_stage_entries WHERE workspace_id = $1 AND end_user_id = $2`,
      [workspaceId, endUserId],
    );
    return positions.flatMap((p) => {
      const journey = journeys.find((j) => j.id === p.journey_id);
      if (!journey) return [];
      const entered = Object.fromEntries(
        entries
          .filter((e) => e.journey_id === p.journey_id)
          .map((e) => [e.stage_id, e.entered_at.toISOString()]),
      );
      return [
        {
          journeyId: p.journey_id,
          name: journey.name,
          stageId: p.stage_id,
          stageName: journey.body.find((s) => s.id === p.stage_id)?.name ?? p.stage_id,
          since: p.since.toISOString(),
          entered,
        },
      ];
    });
  }

  /** journeyId → current stage id, for rule snapshots. */
  async stagesOf(workspaceId: string, endUserId: string): Promise<Record<string, string>> {
    const rows = await this.db.query<Array<{ journey_id: string; stage_id: string }>>(
      `SELECT journey_id, stage_id FROM journey_positions WHERE workspace_id = $1 AND end_user_id = $2`,
      [workspaceId, endUserId],
    );
    return Object.fromEntries(rows.map((r) => [r.journey_id, r.stage_id]));
  }

  /** The surviving person keeps the earliest entry per stage; the other's position goes. */
  async onMerge(merge: UserMerge): Promise<void> {
    await this.db.query(
      `WITH moved AS (DELETE FROM journey_stage_entries WHERE workspace_id = $1 AND end_user_id = $2 RETURNING *)
       INSERT INTO journey_stage_entries (workspace_id, journey_id, end_user_id, stage_id, entered_at)
       SELECT workspace_id, journey_id, $3, stage_id, entered_at FROM moved
       ON CONFLICT (workspace_id, journey_id, end_user_id, stage_id)
       DO UPDATE SET entered_at = least(journey_stage_entries.entered_at, EXCLUDED.entered_at)`,
      [merge.workspaceId, merge.loser, merge.winner],
    );
    await this.db.query(
      `DELETE FROM journey_positions WHERE workspace_id = $1 AND end_user_id = $2`,
      [merge.workspaceId, merge.loser],
    );
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  GoalDefinitionSchema,
  type Goal,
  type GoalDefinition,
  type GoalInput,
  type GoalStats,
  type GoalStatsQuery,
} from '@waymark/shared';
import { DataSource } from 'typeorm';
import { DefinitionStore, type StoredDefinition } from '../identity/definition-store';
import type { UserMerge, UserRef } from '../identity/identity-ops';
import { IdentityService } from '../identity/identity.service';
import { assertServerRule, elapsed, withDefinitionLock } from '../identity/rule-scope';
import type { LiveStatement } from '../segments/live-connection';
import { goalRefreshSql, refreshGoal } from './goal-refresh';
import { goalStats } from './goal-stats';

export type StoredGoal = StoredDefinition<GoalDefinition>;

/**
 * Goals (milestones): an event or a rule that marks success, completed once per user with its
 * time. Other modules (experiments) read completions through `completionTimes`.
 */
@Injectable()
export class GoalsService {
  readonly store: DefinitionStore<GoalDefinition>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly identity: IdentityService,
  ) {
    this.store = new DefinitionStore(db, 'goals', 'definition', 'goal');
  }

  private async view(workspaceId: string, goal: StoredGoal): Promise<Goal> {
    const [row] = await this.db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM goal_completions WHERE workspace_id = $1 AND goal_id = $2`,
      [workspaceId, goal.id],
    );
    return {
      id: goal.id,
      name: goal.name,
      definition: GoalDefinitionSchema.parse(goal.body),
      completions: row?.n ?? 0,
      createdAt: goal.createdAt.toISOString(),
      updatedAt: goal.updatedAt.toISOString(),
    };
  }

  async list(workspaceId: string): Promise<Goal[]> {
    const goals = await this.store.list(workspaceId);
    return Promise.all(goals.map((g) => this.view(workspaceId, g)));
  }

  async get(workspaceId: string, id: string): Promise<Goal> {
    return this.view(workspaceId, await this.store.get(workspaceId, id));
  }

  async create(workspaceId: string, input: GoalInput): Promise<Goal> {
    if (input.definition.kind === 'rule')
      assertServerRule(input.definition.rule, 'definition.rule');
    return this.view(
      workspaceId,
      await this.store.create(workspaceId, input.name, input.definition),
    );
  }

  /** A changed definition starts over: completions are recomputed from the new one. */
  async update(workspaceId: string, id: string, input: GoalInput): Promise<Goal> {
    if (input.definition.kind === 'rule')
      assertServerRule(input.definition.rule, 'definition.rule');
    const goal = await this.store.update(workspaceId, id, input.name, input.definition);
    await this.db.query(`DELETE FROM goal_completions WHERE workspace_id = $1 AND goal_id = $2`, [
      workspaceId,
      id,
    ]);
    return this.view(workspaceId, goal);
  }

  remove(workspaceId: string, id: string): Promise<void> {
    return this.store.remove(workspaceId, id);
  }

  /** Records new completions (for `users` only, when given); returns how many. */
  async refresh(workspaceId: string, goal: StoredGoal, now = new Date(), users?: string[]) {
    const start = performance.now();
    const entered = await withDefinitionLock(this.db, goal.id, (q) =>
      refreshGoal(q, workspaceId, goal.id, goal.body, now, users),
    );
    const [row] = await this.db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM goal_completions WHERE workspace_id = $1 AND goal_id = $2`,
      [workspaceId, goal.id],
    );
    return { members: row?.n ?? 0, entered, exited: 0, ms: elapsed(start) };
  }

  /** Incremental evaluation (LiveEvaluator): the statement evaluating these users only. */
  liveStatement(workspaceId: string, goal: StoredGoal, now: Date, users: string[]): LiveStatement {
    return {
      definitionId: goal.id,
      ...goalRefreshSql(workspaceId, goal.id, goal.body, now, users),
    };
  }

  stats(workspaceId: string, id: string, query: GoalStatsQuery): Promise<GoalStats> {
    return goalStats(this.db, workspaceId, id, query, new Date());
  }

  /** Goals this end user completed, with when. */
  async forUser(workspaceId: string, endUserId: string) {
    const rows = await this.db.query<Array<{ goal_id: string; name: string; completed_at: Date }>>(
      `SELECT c.goal_id, g.name, c.completed_at FROM goal_completions c
       JOIN goals g ON g.workspace_id = c.workspace_id AND g.id = c.goal_id
       WHERE c.workspace_id = $1 AND c.end_user_id = $2 ORDER BY c.completed_at`,
      [workspaceId, endUserId],
    );
    return rows.map((r) => ({
      goalId: r.goal_id,
      name: r.name,
      completedAt: r.completed_at.toISOString(),
    }));
  }

  /** Goal ids this end user reached (rule snapshots). */
  async reachedBy(workspaceId: string, endUserId: string): Promise<string[]> {
    return (await this.forUser(workspaceId, endUserId)).map((g) => g.goalId);
  }

  /**
   * When each of `users` completed the goal (null: not yet), in the same order; for experiment
   * results. Users are resolved through their identities, so anonymous history counts.
   */
  async completionTimes(
    workspaceId: string,
    goalId: string,
    users: UserRef[],
  ): Promise<Array<Date | null>> {
    const ids = await Promise.all(users.map((u) => this.identity.find(workspaceId, u)));
    const known = ids.filter((id): id is string => id !== null);
    const rows = await this.db.query<Array<{ end_user_id: string; completed_at: Date }>>(
      `SELECT end_user_id, completed_at FROM goal_completions
       WHERE workspace_id = $1 AND goal_id = $2 AND end_user_id = ANY($3::uuid[])`,
      [workspaceId, goalId, known],
    );
    const byUser = new Map(rows.map((r) => [r.end_user_id, r.completed_at]));
    return ids.map((id) => (id ? (byUser.get(id) ?? null) : null));
  }

  /** After a merge the surviving person keeps the earliest completion of each goal. */
  async onMerge(merge: UserMerge): Promise<void> {
    await this.db.query(
      `WITH moved AS (DELETE FROM goal_completions WHERE workspace_id = $1 AND end_user_id = $2 RETURNING *)
       INSERT INTO goal_completions (workspace_id, goal_id, end_user_id, completed_at)
       SELECT workspace_id, goal_id, $3, completed_at FROM moved
       ON CONFLICT (workspace_id, goal_id, end_user_id)
       DO UPDATE SET completed_at = least(goal_completions.completed_at, EXCLUDED.completed_at)`,
      [merge.workspaceId, merge.loser, merge.winner],
    );
  }
}

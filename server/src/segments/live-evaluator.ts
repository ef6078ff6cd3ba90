import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { GoalDefinitionSchema, ruleDeps, type RuleDeps } from '@waymark/shared';
import { DataSource, type QueryRunner } from 'typeorm';
import { EventWriter } from '../events/event-writer';
import { GoalsService } from '../goals/goals.service';
import type { UserMerge, UserTouch } from '../identity/identity-ops';
import { IdentityService } from '../identity/identity.service';
import { JourneysService } from '../journeys/journeys.service';
import { EventRetention } from './event-retention';
import { LiveConnection } from './live-connection';
import { affects, cleanDirty, dependencyOrder, type Dirty, mergeDirty } from './live-deps';
import { DefinitionQueues } from './live-queues';
import { type LiveTask, RecheckLane } from './live-recheck';
import { SegmentsService } from './segments.service';

/** How often time-based definitions ("inactive for 14 days") are recomputed for everyone. */
export const PERIODIC_REFRESH_MS = 60_000;
/** Every this many periodic runs, every definition is recomputed (repairs anything missed). */
const FULL_EVERY = 10;
/** Event retention runs at the leader's first periodic run and every this many after (6 h). */
const RETENTION_EVERY = 360;

/**
 * Keeps goals, journey stages and segment memberships current. After each committed write the
 * touched users are routed to the queue of every definition whose rule reads what changed for
 * them (`DefinitionQueues`: one turn per definition per cycle, shortest queue first, bounded
 * chunks), evaluated for those users only on a connection with prepared generic plans
 * (`LiveConnection`), never waiting for a definition's lock (`RecheckLane`). A periodic pass
 * on the leader recomputes time-based definitions for everyone and applies event retention.
 */
@Injectable()
export class LiveEvaluator implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('LiveEvaluator');
  private pending = new Map<string, Map<string, Dirty>>();
  private merges: UserMerge[] = [];
  private draining: Promise<void> | null = null;
  private timer: NodeJS.Timeout | undefined;
  private periodicRuns = 0;
  private leader: QueryRunner | null = null;
  private readonly live: LiveConnection;
  private readonly recheck: RecheckLane;
  private readonly queues = new DefinitionQueues();
  private readonly retention: EventRetention;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: EventWriter,
    private readonly identity: IdentityService,
    private readonly segments: SegmentsService,
    private readonly goals: GoalsService,
    private readonly journeys: JourneysService,
  ) {
    this.live = new LiveConnection(db);
    this.retention = new EventRetention(db);
    this.recheck = new RecheckLane(new LiveConnection(db), this.log);
  }

  onApplicationBootstrap(): void {
    this.writer.onCommitted((touches, merges) => this.enqueue(touches, merges));
    this.timer = setInterval(() => void this.periodic(), PERIODIC_REFRESH_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    // The live connection is released only once no evaluation runs on it (bounded wait).
    await Promise.race([this.idle(), new Promise((resolve) => setTimeout(resolve, 2000))]);
    await this.live.close();
    await this.recheck.close();
    await this.resign();
  }

  /**
   * Only one instance runs the periodic refresh: the one holding a PostgreSQL session advisory
   * lock on a connection it keeps for that purpose. The lock goes with the session, so a dead
   * leader's lock is released by PostgreSQL and another instance takes over on its next tick.
   */
  async lead(): Promise<boolean> {
    if (this.leader) {
      try {
        await this.leader.query('SELECT 1');
        return true;
      } catch {
        // The connection died, and with it the lock: try to take it again below.
        await this.leader.release().catch(() => undefined);
        this.leader = null;
      }
    }
    const runner = this.db.createQueryRunner();
    try {
      const [row] = (await runner.query(
        `SELECT pg_try_advisory_lock(hashtextextended('waymark:periodic-refresh', 0)) AS ok`,
      )) as Array<{ ok: boolean }>;
      if (row?.ok) {
        this.leader = runner;
        return true;
      }
    } catch (error) {
      this.log.error(`leader lock failed: ${String(error)}`);
    }
    await runner.release();
    return false;
  }

  /** Gives the lock up (shutdown); the connection goes back to the pool without it. */
  async resign(): Promise<void> {
    const runner = this.leader;
    if (!runner) return;
    this.leader = null;
    await runner
      .query(`SELECT pg_advisory_unlock(hashtextextended('waymark:periodic-refresh', 0))`)
      .catch(() => undefined);
    await runner.release().catch(() => undefined);
  }

  enqueue(touches: UserTouch[], merges: UserMerge[]): void {
    const mark = (workspaceId: string, endUserId: string, change: Partial<Dirty>) => {
      let ws = this.pending.get(workspaceId);
      if (!ws) this.pending.set(workspaceId, (ws = new Map()));
      let d = ws.get(endUserId);
      if (!d) ws.set(endUserId, (d = cleanDirty()));
      mergeDirty(d, change);
    };
    for (const t of touches) mark(t.workspaceId, t.endUserId, t);
    for (const m of merges) mark(m.workspaceId, m.winner, { all: true });
    this.merges.push(...merges);
    if (!this.draining) this.draining = this.drain();
  }

  /** Resolves when everything queued so far has been evaluated. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
    await this.recheck.idle();
  }

  private async drain(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    try {
      while (this.pending.size > 0 || this.merges.length > 0 || this.queues.waiting) {
        const merges = this.merges;
        const pending = this.pending;
        this.merges = [];
        this.pending = new Map();
        for (const merge of merges) await this.applyMerge(merge);
        for (const [workspaceId, users] of pending) {
          await this.route(workspaceId, users).catch((error: unknown) =>
            this.log.error(`incremental evaluation failed: ${String(error)}`),
          );
        }
        // One turn, then whatever arrived meanwhile joins the queues before the next is chosen.
        const turn = this.queues.next();
        if (turn) {
          const start = performance.now();
          await this.fast(turn.id, turn.users, turn.task, new Date());
          this.queues.done(turn, performance.now() - start);
        }
      }
    } finally {
      this.draining = null;
    }
  }

  private async applyMerge(merge: UserMerge): Promise<void> {
    try {
      await this.goals.onMerge(merge);
      await this.journeys.onMerge(merge);
      await this.segments.onMerge(merge);
    } catch (error) {
      this.log.error(`applying a merge failed: ${String(error)}`);
    }
  }

  /** Queues these users for every definition whose rule reads what changed for them. */
  private async route(workspaceId: string, dirty: Map<string, Dirty>): Promise<void> {
    const goals = (await this.goals.store.cached(workspaceId)).map((goal) => {
      const def = GoalDefinitionSchema.parse(goal.body);
      const deps =
        def.kind === 'rule'
          ? ruleDeps(def.rule)
          : ruleDeps({
              type: 'event',
              name: def.event,
              where: def.where,
              count: { op: 'gte', value: 1 },
            });
      return { goal, deps };
    });
    const journeys = (await this.journeys.store.cached(workspaceId)).map((journey) => ({
      journey,
      deps: journey.body.reduce((acc, stage) => ruleDeps(stage.rule, acc), ruleDeps({ all: [] })),
    }));
    const segments = (await this.segments.store.cached(workspaceId)).map((s) => ({
      ...s,
      deps: ruleDeps(s.body),
    }));
    // Users no definition cares about are dropped before any query (the hot path of ingestion
    // when nothing reads their events). Merging dirty marks only adds to them, so a user left
    // out here could not be affected through the person they merged into either.
    const all = [...goals, ...journeys, ...segments].map((x) => x.deps);
    for (const [id, d] of dirty) if (!all.some((deps) => affects(deps, d))) dirty.delete(id);
    if (dirty.size === 0) return;

    const canonical = await this.identity.canonical(workspaceId, [...dirty.keys()]);
    const users = new Map<string, Dirty>();
    for (const [id, d] of dirty) {
      const to = canonical.get(id);
      if (!to) continue;
      const merged = users.get(to);
      if (!merged) users.set(to, d);
      else mergeDirty(merged, d);
    }
    const usersFor = (deps: RuleDeps) =>
      [...users].filter(([, d]) => affects(deps, d)).map(([id]) => id);

    const tasks: Array<{ id: string; deps: RuleDeps; task: LiveTask }> = [
      ...goals.map(({ goal, deps }) => ({
        id: goal.id,
        deps,
        task: ((now, ids, lock) =>
          this.goals.refreshUsers(workspaceId, goal, now, ids, lock)) satisfies LiveTask,
      })),
      ...journeys.map(({ journey, deps }) => ({
        id: journey.id,
        deps,
        task: ((now, ids, lock) =>
          this.journeys.refreshUsers(workspaceId, journey, now, ids, lock)) satisfies LiveTask,
      })),
      ...dependencyOrder(segments).map((segment) => ({
        id: segment.id,
        deps: segment.deps,
        task: ((now, ids, lock) =>
          this.segments.refreshUsers(workspaceId, segment, now, ids, lock)) satisfies LiveTask,
      })),
    ];
    this.queues.retain(workspaceId, new Set(tasks.map((t) => t.id)));
    tasks.forEach(({ id, deps, task }, order) => {
      const ids = usersFor(deps);
      const readsOthers = deps.goals.size + deps.journeys.size + deps.segments.size > 0;
      if (ids.length) this.queues.add(id, { workspaceId, order, readsOthers }, task, ids);
    });
  }

  /**
   * The first lane: never waits for the definition's lock (see RecheckLane). Evaluating without
   * it is safe because the write is idempotent per user (a unique current membership, one
   * completion, one position) and the recheck, made after the holder commits, has the last word.
   */
  private async fast(id: string, users: string[], task: LiveTask, now: Date): Promise<void> {
    let held = true;
    try {
      await task(now, users, async (definitionId, work) => {
        const run = await this.live.run(definitionId, 'try', work);
        held = run.locked;
        return run.result;
      });
    } catch (error) {
      held = false; // a conflict with the holder: the recheck lane does it again
      this.log.warn(`incremental evaluation failed, rechecking: ${String(error)}`);
    }
    if (!held) this.recheck.add(id, users, task);
  }

  /**
   * Time-based definitions for everyone; every FULL_EVERY runs, all definitions. Only on the
   * leader (see `lead`); returns whether this instance ran it.
   */
  async periodic(now = new Date()): Promise<boolean> {
    if (!(await this.lead())) return false;
    const full = ++this.periodicRuns % FULL_EVERY === 0;
    try {
      const rows = await this.db.query<Array<{ workspace_id: string }>>(
        `SELECT workspace_id FROM segments UNION SELECT workspace_id FROM goals UNION SELECT workspace_id FROM journeys`,
      );
      for (const { workspace_id: ws } of rows) await this.refreshWorkspace(ws, now, full);
    } catch (error) {
      this.log.error(`periodic refresh failed: ${String(error)}`);
    }
    if ((this.periodicRuns - 1) % RETENTION_EVERY === 0) {
      await this.retention.apply(now).catch((error: unknown) => {
        this.log.error(`event retention failed: ${String(error)}`);
      });
    }
    return true;
  }

  /** Recomputes a workspace's definitions for every user (only time-based ones unless `all`). */
  async refreshWorkspace(workspaceId: string, now: Date, all: boolean): Promise<void> {
    for (const goal of await this.goals.store.list(workspaceId)) {
      const def = GoalDefinitionSchema.parse(goal.body);
      if (all || (def.kind === 'rule' && ruleDeps(def.rule).timeBased))
        await this.goals.refresh(workspaceId, goal, now);
    }
    for (const journey of await this.journeys.store.list(workspaceId)) {
      if (all || journey.body.some((s) => ruleDeps(s.rule).timeBased))
        await this.journeys.refresh(workspaceId, journey, now);
    }
    const segments = (await this.segments.store.list(workspaceId)).map((s) => ({
      ...s,
      deps: ruleDeps(s.body),
    }));
    for (const segment of dependencyOrder(segments)) {
      if (all || segment.deps.timeBased) await this.segments.refresh(workspaceId, segment, now);
    }
  }
}

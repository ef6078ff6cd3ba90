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
import { JourneysService } from '../journeys/journeys.service';
import { EventRetention } from './event-retention';
import { LiveConnection } from './live-connection';
import { affects, cleanDirty, dependencyOrder, type Dirty, mergeDirty } from './live-deps';
import { DefinitionQueues } from './live-queues';
import { type LiveTask, RecheckLane } from './live-recheck';
import { SegmentsService } from './segments.service';

/** How often time-based definitions ("inactive for 14 days") are recomputed for everyone. */
export const PERIODIC_REFRESH_MS = 60_000;
/**
 * A queue at most this long may take the express lane: the event a quiet definition reads does
 * not wait for a busy definition's turn in progress (10 ms of work, far more on a busy machine).
 */
const EXPRESS_USERS = 8;
/** A lane's rest after a turn that left a backlog, relative to the turn's duration (see `serve`). */
const BACKLOG_REST = 1;
/** Every this many periodic runs, every definition is recomputed (repairs anything missed). */
const FULL_EVERY = 10;
/** Event retention runs at the leader's first periodic run and every this many after (6 h). */
const RETENTION_EVERY = 360;

/**
 * Keeps goals, journey stages and segment memberships current. After each committed write the
 * touched users are routed at once to the queue of every definition whose rule reads what
 * changed for them (`DefinitionQueues`: fair shares of evaluation time, bounded chunks), and
 * evaluated for those users only, one message per turn with prepared generic plans
 * (`LiveConnection`), on two lanes (any queue; short queues only), never waiting for a
 * definition's lock (`RecheckLane`). A periodic pass on the leader recomputes time-based
 * definitions for everyone and applies event retention.
 */
@Injectable()
export class LiveEvaluator implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('LiveEvaluator');
  private pending = new Map<string, Map<string, Dirty>>();
  private merges: UserMerge[] = [];
  /**
   * Routings of reported users to queues in flight. They run beside the lanes and beside one
   * another (a routing may have to read definitions whose cache expired), so a user reported now
   * is not held back by the routing of a batch reported just before.
   */
  private readonly routing = new Set<Promise<void>>();
  private routeScheduled = false;
  /** Merges are applied one after another, each before its batch is routed. */
  private merging: Promise<void> = Promise.resolve();
  /**
   * Two lanes give turns side by side, each on its own connection: the main lane takes any
   * queue, the express lane only short ones. A definition has one turn at a time (`inTurn`).
   */
  private readonly lanes: Lane[];
  private readonly inTurn = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private periodicRuns = 0;
  private leader: QueryRunner | null = null;
  private readonly recheck: RecheckLane;
  private readonly queues = new DefinitionQueues();
  private readonly retention: EventRetention;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: EventWriter,
    private readonly segments: SegmentsService,
    private readonly goals: GoalsService,
    private readonly journeys: JourneysService,
  ) {
    this.lanes = [
      { connection: new LiveConnection(db), accepts: () => true, running: null },
      { connection: new LiveConnection(db), accepts: (n) => n <= EXPRESS_USERS, running: null },
    ];
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
    // The lanes' connections are released only once no evaluation runs on them (bounded wait).
    await Promise.race([this.idle(), new Promise((resolve) => setTimeout(resolve, 2000))]);
    for (const lane of this.lanes) await lane.connection.close();
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
    if (this.routeScheduled) return;
    this.routeScheduled = true;
    const routing: Promise<void> = this.routeBatch().finally(() => this.routing.delete(routing));
    this.routing.add(routing);
  }

  /** Resolves when everything queued so far has been evaluated. */
  async idle(): Promise<void> {
    while (this.routing.size > 0 || this.lanes.some((lane) => lane.running)) {
      await Promise.all(this.routing);
      await Promise.all(this.lanes.map((lane) => lane.running));
    }
    await this.recheck.idle();
  }

  private async routeBatch(): Promise<void> {
    // Users reported in the same tick are routed together.
    await new Promise((resolve) => setImmediate(resolve));
    this.routeScheduled = false;
    const merges = this.merges;
    const pending = this.pending;
    this.merges = [];
    this.pending = new Map();
    // Every batch waits for the merges reported before it (a merge moves the loser's state to
    // the winner, whom a later batch may touch).
    if (merges.length > 0) {
      this.merging = this.merging.then(async () => {
        for (const merge of merges) await this.applyMerge(merge);
      });
    }
    await this.merging;
    for (const [workspaceId, users] of pending) {
      await this.route(workspaceId, users).catch((error: unknown) =>
        this.log.error(`incremental evaluation failed: ${String(error)}`),
      );
      this.kick();
    }
  }

  /** Sets every idle lane going (a lane without a turn it may take ends at once). */
  private kick(): void {
    for (const lane of this.lanes) lane.running ??= this.serve(lane);
  }

  /** Turns until no queue is left for this lane; what is routed meanwhile joins before each choice. */
  private async serve(lane: Lane): Promise<void> {
    await Promise.resolve(); // `running` is set before this can finish
    try {
      for (;;) {
        const turn = this.queues.next(lane.accepts, this.inTurn);
        if (!turn) break;
        this.inTurn.add(turn.id);
        const start = performance.now();
        await this.fast(lane.connection, turn.id, turn.users, turn.task, new Date());
        this.inTurn.delete(turn.id);
        const ms = performance.now() - start;
        this.queues.done(turn, ms);
        this.kick(); // the definition is free again for the other lane
        // Saturated (the turn left users behind): the lane rests as long as the turn took, so
        // the writer keeps its share of the CPU during a burst, and the backlog collapses
        // repeated touches of a user into one evaluation. Measured A/B on a quiet machine
        // (segment-bench --load=4, 20k users): ingestion beside 5 live segments 15–17.5k against
        // 12.5–12.8k events/s without the rest, the evaluator's CPU per event 55–63 against
        // 74–77 µs counting the drain after the burst; the price is that drain: 5 s against 2 s.
        if (turn.leftBehind > 0) await new Promise((r) => setTimeout(r, ms * BACKLOG_REST));
      }
    } finally {
      lane.running = null;
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
    // Users no definition cares about are dropped (the hot path of ingestion when nothing reads
    // their events). A user merged into another is routed by their own marks, so the person
    // they merged into is evaluated for every definition either's changes affect.
    const all = [...goals, ...journeys, ...segments].map((x) => x.deps);
    for (const [id, d] of dirty) if (!all.some((deps) => affects(deps, d))) dirty.delete(id);
    if (dirty.size === 0) return;

    // An id merged away meanwhile is evaluated as the person it merged into: the statements
    // resolve that themselves (`canonicalUsers`), which saves a query before every turn.
    const usersFor = (deps: RuleDeps) =>
      [...dirty].filter(([, d]) => affects(deps, d)).map(([id]) => id);

    const tasks: Array<{ id: string; deps: RuleDeps; task: LiveTask }> = [
      ...goals.map(({ goal, deps }) => ({
        id: goal.id,
        deps,
        task: ((now, ids) =>
          this.goals.liveStatement(workspaceId, goal, now, ids)) satisfies LiveTask,
      })),
      ...journeys.map(({ journey, deps }) => ({
        id: journey.id,
        deps,
        task: ((now, ids) =>
          this.journeys.liveStatement(workspaceId, journey, now, ids)) satisfies LiveTask,
      })),
      ...dependencyOrder(segments).map((segment) => ({
        id: segment.id,
        deps: segment.deps,
        task: ((now, ids) =>
          this.segments.liveStatement(workspaceId, segment, now, ids)) satisfies LiveTask,
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
  private async fast(
    connection: LiveConnection,
    id: string,
    users: string[],
    task: LiveTask,
    now: Date,
  ): Promise<void> {
    let held: boolean;
    try {
      held = (await connection.run(task(now, users), 'try')).locked;
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

interface Lane {
  connection: LiveConnection;
  /** Which queue lengths it serves. */
  accepts: (waiting: number) => boolean;
  running: Promise<void> | null;
}

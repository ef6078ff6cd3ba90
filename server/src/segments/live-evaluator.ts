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
import { SegmentsService } from './segments.service';

/** How often time-based definitions ("inactive for 14 days") are recomputed for everyone. */
export const PERIODIC_REFRESH_MS = 60_000;
/** Every this many periodic runs, every definition is recomputed (repairs anything missed). */
const FULL_EVERY = 10;

interface Dirty {
  eventNames: Set<string>;
  traits: boolean;
  companies: boolean;
  all: boolean;
}

function affects(deps: RuleDeps, d: Dirty): boolean {
  if (d.all || deps.goals.size > 0 || deps.journeys.size > 0 || deps.segments.size > 0) return true;
  if ((deps.traits && d.traits) || (deps.companies && d.companies)) return true;
  if (deps.anyEvent && d.eventNames.size > 0) return true;
  for (const name of d.eventNames) if (deps.eventNames.has(name)) return true;
  return false;
}

/** Segments that read other segments come after them; a cycle is cut where it closes. */
function dependencyOrder<T extends { id: string; deps: RuleDeps }>(items: T[]): T[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const done = new Set<string>();
  const out: T[] = [];
  const visit = (item: T, path: Set<string>) => {
    if (done.has(item.id) || path.has(item.id)) return;
    path.add(item.id);
    for (const dep of item.deps.segments) {
      const upstream = byId.get(dep);
      if (upstream) visit(upstream, path);
    }
    done.add(item.id);
    out.push(item);
  };
  items.forEach((i) => visit(i, new Set()));
  return out;
}

/**
 * Keeps goals, journey stages and segment memberships current. After each committed write the
 * touched users are queued; a drain (right after, coalescing whatever arrived meanwhile)
 * re-evaluates, for those users only, the definitions whose rules read what changed — goals
 * first, then journeys, then segments in dependency order. A periodic pass recomputes
 * time-based definitions for everyone.
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

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: EventWriter,
    private readonly identity: IdentityService,
    private readonly segments: SegmentsService,
    private readonly goals: GoalsService,
    private readonly journeys: JourneysService,
  ) {}

  onApplicationBootstrap(): void {
    this.writer.onCommitted((touches, merges) => this.enqueue(touches, merges));
    this.timer = setInterval(() => void this.periodic(), PERIODIC_REFRESH_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
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
      if (!d)
        ws.set(
          endUserId,
          (d = { eventNames: new Set(), traits: false, companies: false, all: false }),
        );
      change.eventNames?.forEach((n) => d.eventNames.add(n));
      d.traits ||= change.traits ?? false;
      d.companies ||= change.companies ?? false;
      d.all ||= change.all ?? false;
    };
    for (const t of touches) mark(t.workspaceId, t.endUserId, t);
    for (const m of merges) mark(m.workspaceId, m.winner, { all: true });
    this.merges.push(...merges);
    if (!this.draining) this.draining = this.drain();
  }

  /** Resolves when everything queued so far has been evaluated. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    try {
      while (this.pending.size > 0 || this.merges.length > 0) {
        const merges = this.merges;
        const pending = this.pending;
        this.merges = [];
        this.pending = new Map();
        for (const merge of merges) await this.applyMerge(merge);
        for (const [workspaceId, users] of pending) {
          await this.evaluate(workspaceId, users).catch((error: unknown) =>
            this.log.error(`incremental evaluation failed: ${String(error)}`),
          );
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

  /** Re-evaluates, for these users, every definition whose rule reads what changed for them. */
  async evaluate(workspaceId: string, dirty: Map<string, Dirty>, now = new Date()): Promise<void> {
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
      else {
        d.eventNames.forEach((n) => merged.eventNames.add(n));
        merged.traits ||= d.traits;
        merged.companies ||= d.companies;
        merged.all ||= d.all;
      }
    }
    const usersFor = (deps: RuleDeps) =>
      [...users].filter(([, d]) => affects(deps, d)).map(([id]) => id);

    for (const { goal, deps } of goals) {
      const ids = usersFor(deps);
      if (ids.length) await this.goals.refresh(workspaceId, goal, now, ids);
    }
    for (const { journey, deps } of journeys) {
      const ids = usersFor(deps);
      if (ids.length) await this.journeys.refresh(workspaceId, journey, now, ids);
    }
    for (const segment of dependencyOrder(segments)) {
      const ids = usersFor(segment.deps);
      if (ids.length) await this.segments.refresh(workspaceId, segment, now, ids);
    }
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

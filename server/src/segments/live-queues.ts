import type { LiveTask } from './live-recheck';

/** Time one definition's turn should take at most, so a cycle over all of them stays short. */
const TURN_BUDGET_MS = 10;
const MIN_CHUNK = 8;
const MAX_CHUNK = 1_000;

interface Queue {
  workspaceId: string;
  /** Evaluation order within the workspace: goals, journeys, then segments by dependency. */
  order: number;
  task: LiveTask;
  /** Reads goals, journey stages or segments: re-evaluated after those change for a user. */
  readsOthers: boolean;
  users: Set<string>;
  /** Moving average of the milliseconds one user costs this definition. */
  msPerUser: number;
}

/** One definition's turn in a cycle. */
export interface Turn {
  id: string;
  workspaceId: string;
  order: number;
  task: LiveTask;
  users: string[];
}

/**
 * Users waiting for re-evaluation, one queue per definition. A cycle gives every waiting
 * definition one turn over a chunk of its queue, sized from what a user has cost it lately so a
 * turn takes about TURN_BUDGET_MS. So a definition that ingestion keeps busy (say "last seen",
 * which every event touches) cannot hold back the others, however long its queue grows.
 */
export class DefinitionQueues {
  private readonly queues = new Map<string, Queue>();
  /** Definitions that had their turn in the current cycle. */
  private readonly served = new Set<string>();

  /** Queues `users` for a definition (creating its queue, or updating its task). */
  add(
    id: string,
    at: { workspaceId: string; order: number; readsOthers: boolean },
    task: LiveTask,
    users: Iterable<string>,
  ): void {
    let queue = this.queues.get(id);
    if (!queue) {
      queue = { ...at, task, users: new Set(), msPerUser: 1 };
      this.queues.set(id, queue);
    } else Object.assign(queue, at, { task });
    for (const u of users) queue.users.add(u);
  }

  /** Forgets the workspace's definitions that no longer exist. */
  retain(workspaceId: string, ids: Set<string>): void {
    for (const [id, q] of this.queues) {
      if (q.workspaceId === workspaceId && !ids.has(id)) {
        this.queues.delete(id);
        this.served.delete(id);
      }
    }
  }

  get waiting(): boolean {
    for (const q of this.queues.values()) if (q.users.size > 0) return true;
    return false;
  }

  /**
   * The next turn: the shortest waiting queue among the definitions that have not had a turn in
   * this cycle (a new cycle starts when all have). Shortest first, so an event a quiet
   * definition reads is evaluated after at most the turn in progress. Order between definitions
   * that read each other is restored by `done`.
   */
  next(): Turn | null {
    let best: [string, Queue] | null = null;
    for (let pass = 0; pass < 2 && !best; pass++) {
      if (pass === 1) this.served.clear();
      for (const entry of this.queues) {
        const q = entry[1];
        if (q.users.size === 0 || this.served.has(entry[0])) continue;
        if (!best || q.users.size < best[1].users.size) best = entry;
      }
    }
    if (!best) return null;
    const [id, q] = best;
    this.served.add(id);
    const size = Math.min(
      MAX_CHUNK,
      Math.max(MIN_CHUNK, Math.floor(TURN_BUDGET_MS / Math.max(q.msPerUser, 0.001))),
    );
    const users: string[] = [];
    for (const u of q.users) {
      if (users.length >= size) break;
      users.push(u);
    }
    users.forEach((u) => q.users.delete(u));
    return { id, workspaceId: q.workspaceId, order: q.order, task: q.task, users };
  }

  /**
   * After a turn: its cost feeds the chunk size, and the definitions after it that read other
   * definitions see its users again (their upstream may have just changed for them).
   */
  done(turn: Turn, ms: number): void {
    const queue = this.queues.get(turn.id);
    if (queue) queue.msPerUser = 0.7 * queue.msPerUser + (0.3 * ms) / turn.users.length;
    for (const q of this.queues.values()) {
      if (q.workspaceId === turn.workspaceId && q.readsOthers && q.order > turn.order) {
        turn.users.forEach((u) => q.users.add(u));
      }
    }
  }
}

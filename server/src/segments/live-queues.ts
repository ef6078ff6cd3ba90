import type { LiveTask } from './live-recheck';

/** Time one definition's turn should take at most: what a quiet definition may wait for. */
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
  /** Virtual time at which its next turn starts (while it waits) and its last turn ended. */
  start: number;
  finish: number;
}

/** One definition's turn. */
export interface Turn {
  id: string;
  workspaceId: string;
  order: number;
  task: LiveTask;
  users: string[];
  /** Users of the queue that did not fit in the turn: evaluation is behind (saturated). */
  leftBehind: number;
}

/**
 * Users waiting for re-evaluation, one queue per definition, served by start-time fair
 * queueing over evaluation time: each turn takes a chunk of one queue, sized from what a user
 * has cost that definition lately so a turn takes about TURN_BUDGET_MS, and the next turn goes
 * to the waiting queue whose virtual start time is earliest (a queue that has just waited in
 * vain starts at the current virtual time; one still busy after its turn starts when that turn
 * ended). So a definition that ingestion keeps busy (say "last seen", which every event
 * touches) gets its share without holding back the others, and an event that a quiet
 * definition reads waits for the turn in progress and at most about one turn of each busy one —
 * never for a whole round of them, however often the quiet definition was served lately.
 */
export class DefinitionQueues {
  private readonly queues = new Map<string, Queue>();
  /** The start time of the turn last given. */
  private virtual = 0;

  /** Queues `users` for a definition (creating its queue, or updating its task). */
  add(
    id: string,
    at: { workspaceId: string; order: number; readsOthers: boolean },
    task: LiveTask,
    users: Iterable<string>,
  ): void {
    let queue = this.queues.get(id);
    if (!queue) {
      queue = { ...at, task, users: new Set(), msPerUser: 1, start: 0, finish: 0 };
      this.queues.set(id, queue);
    } else Object.assign(queue, at, { task });
    this.join(queue, users);
  }

  /** Forgets the workspace's definitions that no longer exist. */
  retain(workspaceId: string, ids: Set<string>): void {
    for (const [id, q] of this.queues) {
      if (q.workspaceId === workspaceId && !ids.has(id)) this.queues.delete(id);
    }
  }

  get waiting(): boolean {
    for (const q of this.queues.values()) if (q.users.size > 0) return true;
    return false;
  }

  /**
   * The next turn: the earliest virtual start, then the shortest queue — among the queues whose
   * length `accepts` and that are not `busy` (having a turn on another connection).
   */
  next(accepts: (waiting: number) => boolean = () => true, busy?: Set<string>): Turn | null {
    let best: [string, Queue] | null = null;
    for (const entry of this.queues) {
      const q = entry[1];
      if (q.users.size === 0 || !accepts(q.users.size) || busy?.has(entry[0])) continue;
      const b = best?.[1];
      if (!b || q.start < b.start || (q.start === b.start && q.users.size < b.users.size))
        best = entry;
    }
    if (!best) return null;
    const [id, q] = best;
    this.virtual = Math.max(this.virtual, q.start);
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
    const leftBehind = q.users.size;
    return { id, workspaceId: q.workspaceId, order: q.order, task: q.task, users, leftBehind };
  }

  /**
   * After a turn: its cost moves the queue's virtual time and feeds the chunk size, and the
   * definitions after it that read other definitions see its users again (their upstream may
   * have just changed for them).
   */
  done(turn: Turn, ms: number): void {
    const queue = this.queues.get(turn.id);
    if (queue) {
      queue.msPerUser = 0.7 * queue.msPerUser + (0.3 * ms) / turn.users.length;
      queue.finish = Math.max(queue.start, this.virtual) + ms;
      queue.start = queue.finish;
    }
    for (const q of this.queues.values()) {
      if (q.workspaceId === turn.workspaceId && q.readsOthers && q.order > turn.order) {
        this.join(q, turn.users);
      }
    }
  }

  /**
   * Users join a queue. An idle queue starts no earlier than now in virtual time, and no later
   * than one turn budget after it: a turn that took long (on a busy machine a one-user turn can
   * take 100 ms) must not hold the definition's next event back for as long again behind every
   * busy definition.
   */
  private join(queue: Queue, users: Iterable<string>): void {
    if (queue.users.size === 0) {
      queue.start = Math.max(this.virtual, Math.min(queue.finish, this.virtual + TURN_BUDGET_MS));
    }
    for (const u of users) queue.users.add(u);
  }
}

import type { Logger } from '@nestjs/common';
import type { LiveConnection, LiveStatement } from './live-connection';

/** The statement evaluating one definition for some users at `now`. */
export type LiveTask = (now: Date, users: string[]) => LiveStatement;

/**
 * The second lane of incremental evaluation. The first lane never waits for a definition's lock:
 * when another transaction holds it (a full refresh, which takes seconds on a large workspace,
 * or another instance's evaluation) it evaluates anyway, so the membership changes at once, and
 * hands the same users here. This lane waits for the lock on its own connection and evaluates
 * them again, now after the holder committed: whatever the holder wrote from its older snapshot
 * is corrected, and the first lane meanwhile goes on with newer events.
 */
export class RecheckLane {
  private pending = new Map<string, { users: Set<string>; task: LiveTask }>();
  private draining: Promise<void> | null = null;

  constructor(
    private readonly connection: LiveConnection,
    private readonly log: Logger,
  ) {}

  add(definitionId: string, users: string[], task: LiveTask): void {
    const entry = this.pending.get(definitionId);
    if (entry) {
      users.forEach((u) => entry.users.add(u));
      entry.task = task; // the newest version of the definition
    } else this.pending.set(definitionId, { users: new Set(users), task });
    this.draining ??= this.drain();
  }

  /** Resolves when everything handed over so far has been evaluated again. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** Shutdown: its connection goes back to the pool. */
  close(): Promise<void> {
    return this.connection.close();
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.size > 0) {
        const batch = this.pending;
        this.pending = new Map();
        for (const { users, task } of batch.values()) {
          await this.connection
            .run(task(new Date(), [...users]), 'wait')
            .catch((error: unknown) =>
              this.log.error(`incremental re-evaluation failed: ${String(error)}`),
            );
        }
      }
    } finally {
      this.draining = null;
    }
  }
}

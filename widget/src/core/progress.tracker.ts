import type { JsonValue } from './surface.port';
import type { EligibleContent, Progress, ProgressUpdate } from '@waymark/shared';

/** A progress update waiting for delivery; `messageId` lets the queue track it. */
export type QueuedProgress = ProgressUpdate & { messageId: string };

type Snapshot = Omit<Progress, 'status'> & { status: Progress['status'] };

/**
 * Where the user is in each content item: the server's saved progress, overlaid with updates
 * still waiting in the (persisted) progress queue, so a reload right after a step resumes there
 * even before the server has it. Every update carries the whole state (step, items, answers).
 */
export class ProgressTracker {
  #byId = new Map<string, Snapshot>();

  /** Seeds from a session answer and the undelivered updates, oldest first. */
  seed(content: readonly EligibleContent[], pending: readonly QueuedProgress[]): void {
    for (const item of content) if (item.progress) this.#byId.set(item.id, item.progress);
    // What `update` added to the snapshot comes off; the rest (status, step, items, answers) is it.
    for (const { contentId, versionId: _v, messageId: _m, timestamp: _t, ...snapshot } of pending) {
      this.#byId.set(contentId, snapshot);
    }
  }

  get(contentId: string): Snapshot | undefined {
    return this.#byId.get(contentId);
  }

  /** Applies `patch` and returns the update to send (answers merge, items replace). */
  update(
    item: { id: string; versionId: string },
    patch: Partial<Snapshot>,
    messageId: string,
  ): QueuedProgress {
    const previous = this.#byId.get(item.id);
    const answers: Record<string, JsonValue> = { ...previous?.answers, ...patch.answers };
    const next: Snapshot = { status: 'in_progress', ...previous, ...patch, answers };
    this.#byId.set(item.id, next);
    return {
      ...next,
      messageId,
      contentId: item.id,
      versionId: item.versionId,
      timestamp: new Date().toISOString(),
    };
  }

  clear(): void {
    this.#byId.clear();
  }
}

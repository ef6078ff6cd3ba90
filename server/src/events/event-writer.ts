import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { UserMerge, UserTouch } from '../identity/identity-ops';
import { IdentityService } from '../identity/identity.service';
import type { EventRow } from './event-row';

interface Pending {
  workspaceId: string;
  rows: EventRow[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface Keyed extends EventRow {
  workspaceId: string;
}

/** Flushes in flight at once; the next flush gathers everything that arrived meanwhile. */
const MAX_IN_FLIGHT = 4;
/** Rows per flush at most (one statement). */
const MAX_ROWS = 5_000;

/**
 * One statement per flush. The rows travel as ONE json document (an array of arrays), which
 * costs the server a single native JSON.stringify instead of nine escaped text arrays, and
 * PostgreSQL reads it with json_to_recordset-like speed. `event_ids` decides which are new.
 */
const INSERT = `
  WITH input AS (
    SELECT (r->>0)::uuid AS workspace_id, r->>1 AS message_id, r->>2 AS type, r->>3 AS name,
           r->>4 AS user_id, r->>5 AS anonymous_id, (r->6)::jsonb AS properties,
           (r->7)::jsonb AS context, (r->>8)::timestamptz AS ts
    FROM json_array_elements($1::json) AS r
  ), fresh AS (
    INSERT INTO event_ids (workspace_id, message_id)
    SELECT workspace_id, message_id FROM input
    ON CONFLICT DO NOTHING RETURNING workspace_id, message_id
  )
  INSERT INTO events (workspace_id, message_id, type, name, user_id, anonymous_id, properties, context, ts)
  SELECT i.* FROM input i JOIN fresh f USING (workspace_id, message_id)
  RETURNING workspace_id, message_id`;

/**
 * PostgreSQL stores no NUL character in text or jsonb (`\u0000` is refused): one such event
 * would fail the whole flush, other requests' events with it. It becomes U+FFFD instead. The
 * look-behind keeps an escaped backslash followed by "u0000" (text, not a NUL) as it is.
 */
const NUL = /(?<!\\)((?:\\\\)*)\\u0000/g;
export const withoutNul = (json: string): string =>
  json.includes('\\u0000') ? json.replace(NUL, '$1\\ufffd') : json;

/** The flush's rows as the statement's json parameter. */
function payload(rows: Keyed[]): string {
  let out = '[';
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    out +=
      (i === 0 ? '' : ',') +
      JSON.stringify([
        r.workspaceId,
        r.messageId,
        r.type ?? 'track',
        r.name,
        r.userId,
        r.anonymousId,
        r.properties,
        r.context ?? null,
        r.ts.toISOString(),
      ]);
  }
  return withoutNul(out + ']');
}

export type CommitListener = (touches: UserTouch[], merges: UserMerge[]) => void;

/**
 * Group commit for events. Each write waits for the commit of the flush that carries it, so the
 * caller can acknowledge only durable events; concurrent writes share one multi-row statement
 * (unnest) and one commit. Idempotent on (workspace_id, message_id) through `event_ids`, which
 * is inserted in the same statement: a retried event (whose skew-corrected time differs) is
 * skipped whichever partition its first copy landed in.
 */
@Injectable()
export class EventWriter {
  private readonly log = new Logger('EventWriter');
  private queue: Pending[] = [];
  private inFlight = 0;
  private readonly listeners: CommitListener[] = [];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly identity: IdentityService,
  ) {}

  onCommitted(listener: CommitListener): void {
    this.listeners.push(listener);
  }

  /** Resolves once every row is committed (or was already stored). */
  write(workspaceId: string, rows: EventRow[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.queue.push({ workspaceId, rows, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT && this.queue.length > 0) {
      const batch: Pending[] = [];
      let size = 0;
      while (
        this.queue.length > 0 &&
        (batch.length === 0 || size + this.queue[0]!.rows.length <= MAX_ROWS)
      ) {
        const next = this.queue.shift()!;
        batch.push(next);
        size += next.rows.length;
      }
      this.inFlight++;
      this.flush(batch)
        .then(
          () => batch.forEach((p) => p.resolve()),
          (error: unknown) => batch.forEach((p) => p.reject(error)),
        )
        .finally(() => {
          this.inFlight--;
          this.pump();
        });
    }
  }

  private async flush(batch: Pending[]): Promise<void> {
    const seen = new Set<string>();
    const rows: Keyed[] = [];
    for (const p of batch) {
      for (const row of p.rows) {
        const key = `${p.workspaceId}\u0000${row.messageId}`;
        if (seen.has(key)) continue;
        seen.add(key);
        rows.push({ ...row, workspaceId: p.workspaceId });
      }
    }
    // One lock order for every writer: no deadlocks between concurrent flushes.
    rows.sort((a, b) =>
      a.workspaceId === b.workspaceId
        ? a.messageId < b.messageId
          ? -1
          : a.messageId > b.messageId
            ? 1
            : 0
        : a.workspaceId < b.workspaceId
          ? -1
          : 1,
    );
    const params = [payload(rows)];
    const plan = this.identity.plan(rows);
    if (!plan.needsTransaction) {
      const fresh = await this.db.query<Array<{ workspace_id: string; message_id: string }>>(
        INSERT,
        params,
      );
      this.notify(plan.touches(fresh), []);
      return;
    }
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const fresh = (await runner.query(INSERT, params)) as Array<{
        workspace_id: string;
        message_id: string;
      }>;
      const merges = await plan.apply(runner, fresh);
      await runner.commitTransaction();
      plan.commit();
      this.notify(plan.touches(fresh), merges);
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  private notify(touches: UserTouch[], merges: UserMerge[]): void {
    if (touches.length === 0 && merges.length === 0) return;
    for (const listener of this.listeners) {
      try {
        listener(touches, merges);
      } catch (error) {
        this.log.error(`commit listener failed: ${String(error)}`);
      }
    }
  }
}

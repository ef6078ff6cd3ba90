import { createHash } from 'node:crypto';
import type { PoolClient, QueryResult } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import type { Queryable } from '../identity/identity-ops';

/** Runs `work` in a transaction under a definition's lock (as the LiveEvaluator grants it). */
export type DefinitionLock = <T>(id: string, work: (q: Queryable) => Promise<T>) => Promise<T>;

/**
 * One connection of the incremental evaluator. Evaluating a definition for a few users executes
 * in about a millisecond, but PLANNING its correlated subqueries over every event partition and
 * index took 25–35 ms a statement — most of the event → membership latency, and the reason a
 * loaded evaluator fell behind. Here each statement is a named prepared statement with a generic
 * plan, planned once per text on this connection (the text of a definition depends only on its
 * rule: the users, the workspace and `now` are parameters), so later evaluations skip planning;
 * runtime partition pruning still applies to window bounds.
 *
 * Its transactions commit with `synchronous_commit = off`: memberships, completions and stages
 * are derived state (the periodic refresh recomputes them), so their commits need not wait for
 * the WAL flush queued behind the ingestion's group commits. A crash can lose the last few
 * milliseconds of them — the same as a crash between an event's commit and its evaluation.
 */
export class LiveConnection {
  private runner: QueryRunner | null = null;
  private client: PoolClient | null = null;

  constructor(private readonly db: DataSource) {}

  /**
   * Runs `work` in one transaction on the same per-definition lock as every other refresh
   * (`withDefinitionLock`). `wait`: blocks until the lock is held. `try`: takes it if free and
   * runs `work` either way; `locked` says whether it held it (see LiveEvaluator for why that is
   * safe and what follows when it did not).
   */
  async run<T>(
    id: string,
    mode: 'wait' | 'try',
    work: (q: Queryable) => Promise<T>,
  ): Promise<{ locked: boolean; result: T }> {
    const client = await this.connect();
    try {
      const lock = mode === 'wait' ? 'pg_advisory_xact_lock' : 'pg_try_advisory_xact_lock';
      // Without the definition's lock, a row the holder wrote (and has not committed) is not
      // waited for: the statement fails fast and the caller hands the users to the recheck.
      const {
        rows: [row],
      } = await client.query<{ locked: boolean | '' }>({
        text: `SELECT set_config('synchronous_commit', 'off', true),
                      set_config('plan_cache_mode', 'force_generic_plan', true),
                      set_config('lock_timeout', $2, true),
                      ${lock}(hashtextextended($1, 11)) AS locked`,
        values: [id, mode === 'wait' ? '0' : '100ms'],
      });
      const result = await work({ query: (sql, params) => this.query(client, sql, params) });
      await client.query('COMMIT');
      // pg_advisory_xact_lock returns void (read as ''): held.
      return { locked: row?.locked !== false, result };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => this.close());
      throw error;
    }
  }

  /** Gives the connection back (shutdown). */
  async close(): Promise<void> {
    const runner = this.runner;
    this.runner = null;
    this.client = null;
    await runner?.release().catch(() => undefined);
  }

  private async connect(): Promise<PoolClient> {
    if (!this.client) {
      this.runner = this.db.createQueryRunner();
      this.client = (await this.runner.connect()) as PoolClient;
    }
    try {
      await this.client.query('BEGIN');
    } catch (error) {
      await this.close(); // broken: replaced on the next call
      throw error;
    }
    return this.client;
  }

  /** Answers like TypeORM's `query`: rows, or [rows, count] for UPDATE and DELETE. */
  private async query<T>(client: PoolClient, text: string, values: unknown[] = []): Promise<T> {
    // Same text, same name: pg prepares it on first use on a connection and reuses it after.
    const name = `wm_live_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    const raw: QueryResult = await client.query({ name, text, values });
    const out =
      raw.command === 'UPDATE' || raw.command === 'DELETE' ? [raw.rows, raw.rowCount] : raw.rows;
    return out as T;
  }
}

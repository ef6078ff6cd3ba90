import { createHash } from 'node:crypto';
import type { PoolClient, QueryResult } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';

/**
 * One definition evaluated for some users: ONE SQL statement whose text depends only on the
 * definition (the workspace, the users and `now` are among `values`).
 */
export interface LiveStatement {
  definitionId: string;
  text: string;
  values: unknown[];
}

/**
 * One connection of the incremental evaluator. Evaluating a definition for a few users executes
 * in about half a millisecond, but PLANNING its correlated subqueries over every event partition
 * and index takes 25–35 ms, and on a busy machine every round trip costs a wake-up of this
 * process and of the backend (1–20 ms each under ingestion). So:
 *
 * - each statement is prepared once per connection (SQL `PREPARE`, named after its text) and run
 *   with a generic plan (`plan_cache_mode`); runtime partition pruning still applies;
 * - a whole turn — BEGIN, the definition's lock, the statement, COMMIT — is ONE simple-protocol
 *   message, the statement's parameters sent as literals. Each statement of the message takes
 *   its own snapshot (READ COMMITTED), so the statement still sees what a lock holder committed
 *   before the lock was granted.
 *
 * Its transactions commit with `synchronous_commit = off`: memberships, completions and stages
 * are derived state (the periodic refresh recomputes them), so their commits need not wait for
 * the WAL flush queued behind the ingestion's group commits. A crash can lose the last few
 * milliseconds of them — the same as a crash between an event's commit and its evaluation.
 */
export class LiveConnection {
  private runner: QueryRunner | null = null;
  private client: PoolClient | null = null;
  /** Statement names prepared on this connection (PREPARE outlives a rolled-back transaction). */
  private prepared = new Set<string>();

  constructor(private readonly db: DataSource) {}

  /**
   * Runs the statement in one transaction on the same per-definition lock as every other
   * refresh (`withDefinitionLock`). `wait`: blocks until the lock is held. `try`: takes it if
   * free and runs the statement either way; `locked` says whether it held it (see LiveEvaluator
   * for why that is safe and what follows when it did not).
   */
  async run(statement: LiveStatement, mode: 'wait' | 'try'): Promise<{ locked: boolean }> {
    const client = await this.connect();
    const name = `wm_live_${createHash('sha1').update(statement.text).digest('hex').slice(0, 24)}`;
    const prepare = this.prepared.has(name) ? '' : `PREPARE ${name} AS ${statement.text};\n`;
    const args = statement.values.map((v) => literal(client, v)).join(', ');
    const lock = mode === 'wait' ? 'pg_advisory_xact_lock' : 'pg_try_advisory_xact_lock';
    // Without the definition's lock, a row the holder wrote (and has not committed) is not
    // waited for: the statement fails fast and the caller hands the users to the recheck.
    const sql = `BEGIN;
      ${prepare}SELECT set_config('synchronous_commit', 'off', true),
        set_config('plan_cache_mode', 'force_generic_plan', true),
        set_config('lock_timeout', '${mode === 'wait' ? '0' : '5ms'}', true),
        ${lock}(hashtextextended(${client.escapeLiteral(statement.definitionId)}, 11)) AS locked;
      EXECUTE ${name}${args ? `(${args})` : ''};
      COMMIT`;
    try {
      // A simple query of several statements answers one result per statement; node-postgres's
      // types describe only the single-statement case.
      const results = (await client.query(sql)) as unknown as QueryResult[];
      this.prepared.add(name);
      const row = results[prepare ? 2 : 1]?.rows[0] as { locked: boolean | '' } | undefined;
      // pg_advisory_xact_lock returns void (read as ''): held.
      return { locked: row?.locked !== false };
    } catch (error) {
      await this.recover(client);
      throw error;
    }
  }

  /** Gives the connection back (shutdown). */
  async close(): Promise<void> {
    const runner = this.runner;
    this.runner = null;
    this.client = null;
    this.prepared = new Set();
    await runner?.release().catch(() => undefined);
  }

  private async connect(): Promise<PoolClient> {
    if (!this.client) {
      this.runner = this.db.createQueryRunner();
      this.client = (await this.runner.connect()) as PoolClient;
    }
    return this.client;
  }

  /** After a failed turn: out of the aborted transaction, and learn what PREPARE got through. */
  private async recover(client: PoolClient): Promise<void> {
    try {
      await client.query('ROLLBACK');
      const { rows } = await client.query<{ name: string }>(
        'SELECT name FROM pg_prepared_statements',
      );
      this.prepared = new Set(rows.map((r) => r.name));
    } catch {
      await this.close(); // broken: replaced on the next call
    }
  }
}

/** A parameter as a SQL literal, converted as node-postgres converts parameters. */
function literal(client: PoolClient, value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  return client.escapeLiteral(text(value));
}

function text(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    const items = value.map((v: unknown) =>
      v === null || v === undefined ? 'NULL' : `"${text(v).replace(/[\\"]/g, '\\$&')}"`,
    );
    return `{${items.join(',')}}`;
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value as string | number | boolean | bigint);
}

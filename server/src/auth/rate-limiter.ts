import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import { sha256 } from '../common/tokens';

/** The key failed sign-ins of one address count against. */
export const loginEmailKey = (email: string): string => `login:email:${email.toLowerCase()}`;

export interface Limit {
  /** What is counted, e.g. `login:email:<address>`; stored hashed. */
  key: string;
  /** Hits allowed per window. */
  max: number;
  windowSeconds: number;
}

/**
 * Fixed-window counters in PostgreSQL, so every instance behind the load balancer shares them.
 * A hit is counted before the work it guards, in one atomic upsert: concurrent requests cannot
 * slip past the limit together.
 */
@Injectable()
export class RateLimiter {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Counts one hit on each limit; throws `rate_limited` (with `retryAfterSeconds` in details)
   * when any of them is over its maximum.
   */
  async hit(...limits: Limit[]): Promise<void> {
    let retryAfter = 0;
    for (const limit of limits) {
      const [row] = (await this.db.query(
        `INSERT INTO rate_limits AS r (key, window_started_at, hits) VALUES ($1, now(), 1)
         ON CONFLICT (key) DO UPDATE SET
           window_started_at = CASE WHEN r.window_started_at <= now() - make_interval(secs => $2)
             THEN now() ELSE r.window_started_at END,
           hits = CASE WHEN r.window_started_at <= now() - make_interval(secs => $2)
             THEN 1 ELSE r.hits + 1 END
         RETURNING hits, ceil(extract(epoch FROM
           window_started_at + make_interval(secs => $2) - now()))::int AS "retryAfter"`,
        [sha256(limit.key), limit.windowSeconds],
      )) as Array<{ hits: number; retryAfter: number }>;
      if (row && row.hits > limit.max) retryAfter = Math.max(retryAfter, row.retryAfter, 1);
    }
    if (Math.random() < 0.01) void this.prune();
    if (retryAfter > 0) {
      throw new AppError('rate_limited', `Too many attempts; retry in ${retryAfter} s.`, {
        retryAfterSeconds: retryAfter,
      });
    }
  }

  /** Takes back one hit, e.g. for a sign-in that succeeded. */
  async undo(key: string): Promise<void> {
    await this.db.query('UPDATE rate_limits SET hits = greatest(hits - 1, 0) WHERE key = $1', [
      sha256(key),
    ]);
  }

  /** Forgets a key, e.g. the email's failed sign-ins once it signs in or resets its password. */
  async reset(key: string): Promise<void> {
    await this.db.query('DELETE FROM rate_limits WHERE key = $1', [sha256(key)]);
  }

  private async prune(): Promise<void> {
    await this.db
      .query(`DELETE FROM rate_limits WHERE window_started_at < now() - interval '1 day'`)
      .catch(() => undefined);
  }
}

/** Runs `work`; a `rate_limited` error gets its `Retry-After` header on the way out. */
export async function withRetryAfter<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const seconds = (error as AppError).details as { retryAfterSeconds?: unknown } | undefined;
    if (
      error instanceof AppError &&
      error.code === 'rate_limited' &&
      typeof seconds?.retryAfterSeconds === 'number'
    ) {
      void reply.header('retry-after', String(seconds.retryAfterSeconds));
    }
    throw error;
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A workspace without a row in ingest_limits may send this many events per second. */
export const DEFAULT_RATE = { eventsPerSecond: 50_000, burst: 250_000 };
const LIMITS_TTL_MS = 10_000;

interface Bucket {
  tokens: number;
  at: number;
  rate: number;
  burst: number;
  loadedAt: number;
}

/**
 * A token bucket per workspace, counted in events. Per process: with N instances behind a load
 * balancer each allows the full rate (documented in docs/architecture.md).
 */
@Injectable()
export class IngestRateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Takes `events` tokens; returns 0 when allowed, else the seconds to wait before retrying. */
  async take(workspaceId: string, events: number, now = Date.now()): Promise<number> {
    const bucket = await this.bucket(workspaceId, now);
    bucket.tokens = Math.min(
      bucket.burst,
      bucket.tokens + ((now - bucket.at) / 1000) * bucket.rate,
    );
    bucket.at = now;
    const cost = Math.min(events, bucket.burst);
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return 0;
    }
    return Math.max(1, Math.ceil((cost - bucket.tokens) / bucket.rate));
  }

  private async bucket(workspaceId: string, now: number): Promise<Bucket> {
    const cached = this.buckets.get(workspaceId);
    if (cached && now - cached.loadedAt < LIMITS_TTL_MS) return cached;
    const [row] = await this.db.query<Array<{ events_per_second: number; burst: number }>>(
      `SELECT events_per_second, burst FROM ingest_limits WHERE workspace_id = $1`,
      [workspaceId],
    );
    const rate = row?.events_per_second ?? DEFAULT_RATE.eventsPerSecond;
    const burst = row?.burst ?? DEFAULT_RATE.burst;
    const bucket: Bucket = cached
      ? { ...cached, rate, burst, tokens: Math.min(cached.tokens, burst), loadedAt: now }
      : { tokens: burst, at: now, rate, burst, loadedAt: now };
    this.buckets.set(workspaceId, bucket);
    return bucket;
  }
}

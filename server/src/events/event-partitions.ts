import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Months of partitions kept ready past the current one. */
const MONTHS_AHEAD = 2;
const CHECK_EVERY_MS = 6 * 60 * 60 * 1000;

/** First day (UTC) of the month `offset` months from `now`, as YYYY-MM-DD. */
export function monthStart(now: Date, offset: number): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1))
    .toISOString()
    .slice(0, 10);
}

/**
 * Creates the monthly range partitions of `events` ahead of time (this month and the next
 * two), at start and every six hours. Events outside them land in the default partition.
 */
@Injectable()
export class EventPartitions implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('EventPartitions');
  private timer: NodeJS.Timeout | undefined;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensure(new Date());
    this.timer = setInterval(() => {
      this.ensure(new Date()).catch((error: unknown) =>
        this.log.error(`creating event partitions failed: ${String(error)}`),
      );
    }, CHECK_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /**
   * Retention: drops the monthly partitions that end on or before `before`, the default
   * partition's older rows, and their `event_ids` (`wm_prune_events`); returns the partitions
   * dropped. Not scheduled: a deployment calls it with its own retention.
   */
  async prune(before: Date): Promise<string[]> {
    const rows = await this.db.query<Array<{ name: string }>>(
      `SELECT wm_prune_events($1::timestamptz) AS name`,
      [before.toISOString()],
    );
    return rows.map((r) => r.name);
  }

  /** Ensures the partitions from `now`'s month to MONTHS_AHEAD later; returns their names. */
  async ensure(now: Date, monthsBack = 0): Promise<string[]> {
    const names: string[] = [];
    for (let offset = -monthsBack; offset <= MONTHS_AHEAD; offset++) {
      const [row] = await this.db.query<Array<{ name: string }>>(
        `SELECT wm_ensure_event_partition($1::date) AS name`,
        [monthStart(now, offset)],
      );
      if (row) names.push(row.name);
    }
    return names;
  }
}

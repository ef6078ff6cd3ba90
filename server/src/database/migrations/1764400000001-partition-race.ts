import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `wm_ensure_event_partition` called by two instances at once (both start, both see no partition
 * for the month): the second waited on the advisory lock, then asked `to_regclass`, which reads the
 * session's catalog cache — an advisory lock does not refresh it — so it missed the table the first
 * had just committed and failed creating it again. After the lock it now asks `pg_class` in a
 * statement of its own, whose snapshot sees that commit.
 */
export class PartitionRace1764400000001 implements MigrationInterface {
  name = 'PartitionRace1764400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      this.ensure(
        'NOT EXISTS (SELECT FROM pg_class c WHERE c.relname = part AND c.relnamespace = current_schema()::regnamespace)',
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(this.ensure('to_regclass(part) IS NULL'));
  }

  /** The function, with `missing` as the check made once the lock is held. */
  private ensure(missing: string): string {
    return `
      CREATE OR REPLACE FUNCTION wm_ensure_event_partition(month_start date) RETURNS text
      LANGUAGE plpgsql AS $fn$
      DECLARE
        lo timestamptz := date_trunc('month', month_start)::timestamp AT TIME ZONE 'UTC';
        hi timestamptz := (date_trunc('month', month_start) + interval '1 month')::timestamp AT TIME ZONE 'UTC';
        part text := 'events_' || to_char(date_trunc('month', month_start), 'YYYY_MM');
      BEGIN
        IF to_regclass(part) IS NOT NULL THEN RETURN part; END IF;
        PERFORM pg_advisory_xact_lock(hashtext('wm_ensure_event_partition'));
        IF NOT (${missing}) THEN RETURN part; END IF;
        EXECUTE format('CREATE TABLE %I (LIKE events INCLUDING DEFAULTS)', part);
        EXECUTE format(
          'WITH moved AS (DELETE FROM events_default WHERE ts >= %L AND ts < %L RETURNING *)
           INSERT INTO %I SELECT * FROM moved', lo, hi, part);
        EXECUTE format('ALTER TABLE events ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
          part, lo, hi);
        RETURN part;
      END
      $fn$;
    `;
  }
}

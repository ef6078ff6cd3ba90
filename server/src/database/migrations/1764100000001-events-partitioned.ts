import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events become append-only and partitioned by month of `ts` (range partitions created ahead by
 * the app through `wm_ensure_event_partition`, a default partition for anything else). A
 * unique key cannot span partitions unless it holds the partition key, and a retried event's
 * skew-corrected `ts` differs per retry, so idempotency moves to `event_ids`, one row per
 * (workspace_id, message_id), inserted in the same statement as the event.
 */
export class EventsPartitioned1764100000001 implements MigrationInterface {
  name = 'EventsPartitioned1764100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE events RENAME TO events_unpartitioned;
      ALTER TABLE events_unpartitioned RENAME CONSTRAINT events_pkey TO events_unpartitioned_pkey;
      DROP INDEX events_name_ts_idx, events_user_ts_idx, events_ts_idx;

      CREATE TABLE events (
        workspace_id uuid NOT NULL,
        message_id text NOT NULL,
        type text NOT NULL DEFAULT 'track',
        name text NOT NULL,
        user_id text,
        anonymous_id text,
        properties jsonb NOT NULL DEFAULT '{}',
        context jsonb,
        ts timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      ) PARTITION BY RANGE (ts);
      CREATE TABLE events_default PARTITION OF events DEFAULT;
      CREATE INDEX events_ws_ts_idx ON events (workspace_id, ts DESC, message_id DESC);
      CREATE INDEX events_ws_name_ts_idx ON events (workspace_id, name, ts);
      CREATE INDEX events_ws_user_idx ON events (workspace_id, user_id, name, ts)
        WHERE user_id IS NOT NULL;
      CREATE INDEX events_ws_anon_idx ON events (workspace_id, anonymous_id, name, ts)
        WHERE user_id IS NULL;

      CREATE TABLE event_ids (
        workspace_id uuid NOT NULL,
        message_id text NOT NULL,
        PRIMARY KEY (workspace_id, message_id)
      );

      -- Creates the partition for the month holding month_start, moving any rows the default
      -- partition already holds for that month, so it can be called for past months too.
      CREATE FUNCTION wm_ensure_event_partition(month_start date) RETURNS text
      LANGUAGE plpgsql AS $fn$
      DECLARE
        lo timestamptz := date_trunc('month', month_start)::timestamp AT TIME ZONE 'UTC';
        hi timestamptz := (date_trunc('month', month_start) + interval '1 month')::timestamp AT TIME ZONE 'UTC';
        part text := 'events_' || to_char(date_trunc('month', month_start), 'YYYY_MM');
      BEGIN
        IF to_regclass(part) IS NOT NULL THEN RETURN part; END IF;
        PERFORM pg_advisory_xact_lock(hashtext('wm_ensure_event_partition'));
        IF to_regclass(part) IS NOT NULL THEN RETURN part; END IF;
        EXECUTE format('CREATE TABLE %I (LIKE events INCLUDING DEFAULTS)', part);
        EXECUTE format(
          'WITH moved AS (DELETE FROM events_default WHERE ts >= %L AND ts < %L RETURNING *)
           INSERT INTO %I SELECT * FROM moved', lo, hi, part);
        EXECUTE format('ALTER TABLE events ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
          part, lo, hi);
        RETURN part;
      END
      $fn$;

      INSERT INTO events (workspace_id, message_id, type, name, user_id, anonymous_id, properties, ts, received_at)
      SELECT workspace_id, message_id,
             CASE WHEN name = '$page' THEN 'page' WHEN name LIKE '$content\\_%' THEN 'content' ELSE 'track' END,
             name, user_id, anonymous_id, properties, ts, received_at
      FROM events_unpartitioned;
      INSERT INTO event_ids (workspace_id, message_id)
      SELECT workspace_id, message_id FROM events_unpartitioned;
      DROP TABLE events_unpartitioned;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE events_flat (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        message_id text NOT NULL,
        name text NOT NULL,
        user_id text,
        anonymous_id text,
        properties jsonb NOT NULL DEFAULT '{}',
        ts timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, message_id)
      );
      INSERT INTO events_flat SELECT workspace_id, message_id, name, user_id, anonymous_id,
        properties, ts, received_at FROM events ON CONFLICT DO NOTHING;
      DROP TABLE events;
      DROP TABLE event_ids;
      DROP FUNCTION wm_ensure_event_partition(date);
      ALTER TABLE events_flat RENAME TO events;
      ALTER TABLE events RENAME CONSTRAINT events_flat_pkey TO events_pkey;
      CREATE INDEX events_name_ts_idx ON events (workspace_id, name, ts);
      CREATE INDEX events_user_ts_idx ON events (workspace_id, user_id, ts);
      CREATE INDEX events_ts_idx ON events (workspace_id, ts DESC, message_id DESC);
    `);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention of events: `wm_prune_events(before)` drops every monthly partition of `events` that
 * ends on or before `before` (whole months only), deletes the default partition's rows older than
 * it, and removes their `event_ids` rows in the same transaction, so the idempotency table does
 * not outgrow the events it guards. A message retried after its first copy was pruned is stored
 * again (retention is months; retries are minutes). Returns the partitions dropped.
 */
export class EventsTuning1764200000003 implements MigrationInterface {
  name = 'EventsTuning1764200000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION wm_prune_events(before timestamptz) RETURNS SETOF text
      LANGUAGE plpgsql AS $fn$
      DECLARE
        part record;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('wm_ensure_event_partition'));
        FOR part IN
          SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
          WHERE i.inhparent = 'events'::regclass AND c.relname <> 'events_default'
            AND c.relname ~ '^events_[0-9]{4}_[0-9]{2}$'
            AND (to_date(substr(c.relname, 8), 'YYYY_MM')::timestamp AT TIME ZONE 'UTC')
                + interval '1 month' <= before
          ORDER BY c.relname
        LOOP
          EXECUTE format(
            'DELETE FROM event_ids x USING %I e
             WHERE x.workspace_id = e.workspace_id AND x.message_id = e.message_id', part.name);
          EXECUTE format('ALTER TABLE events DETACH PARTITION %I', part.name);
          EXECUTE format('DROP TABLE %I', part.name);
          RETURN NEXT part.name;
        END LOOP;
        WITH gone AS (DELETE FROM events_default WHERE ts < before
                      RETURNING workspace_id, message_id)
        DELETE FROM event_ids x USING gone
        WHERE x.workspace_id = gone.workspace_id AND x.message_id = gone.message_id;
      END
      $fn$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION wm_prune_events(timestamptz)`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-workspace event retention; the people list's order and search text.
 *
 * - `workspaces.event_retention_days`: events older than this many days are deleted by the
 *   leader's retention job (`segments/event-retention.ts`); NULL (the default) keeps them.
 * - `wm_prune_workspace_events(ws, before, max_rows)`: deletes up to `max_rows` of one
 *   workspace's events older than `before` with their `event_ids`, returns how many. Whole
 *   months of every workspace go through `wm_prune_events` instead (a partition drop).
 * - `end_users_people_idx`: the builder's people list walks (created_at, id) newest first.
 * - `end_users.search_text`: `wm_user_search_text(traits)` stored (generated), so a search
 *   that must test every person (a rare term of one or two characters, which trigrams cannot
 *   narrow) reads a plain text column instead of five jsonb keys a row: 200k people in tens of
 *   milliseconds. The trigram index moves from the expression to the column.
 */
export class EventRetention1764300070000 implements MigrationInterface {
  name = 'EventRetention1764300070000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE workspaces ADD COLUMN event_retention_days integer
        CHECK (event_retention_days IS NULL OR event_retention_days BETWEEN 1 AND 36500);

      CREATE FUNCTION wm_prune_workspace_events(ws uuid, before timestamptz, max_rows integer)
        RETURNS integer LANGUAGE sql AS $fn$
        WITH old AS (
          SELECT tableoid, ctid FROM events WHERE workspace_id = ws AND ts < before LIMIT max_rows
        ), gone AS (
          DELETE FROM events e USING old WHERE e.tableoid = old.tableoid AND e.ctid = old.ctid
          RETURNING e.workspace_id, e.message_id
        ), ids AS (
          DELETE FROM event_ids x USING gone
          WHERE x.workspace_id = gone.workspace_id AND x.message_id = gone.message_id
        )
        SELECT count(*)::int FROM gone
      $fn$;

      CREATE INDEX end_users_people_idx ON end_users (workspace_id, created_at, id)
        WHERE merged_into IS NULL;

      ALTER TABLE end_users ADD COLUMN search_text text
        GENERATED ALWAYS AS (wm_user_search_text(traits)) STORED;
      DROP INDEX IF EXISTS end_users_search_trgm_idx;
      DO $do$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
          EXECUTE 'CREATE INDEX end_users_search_text_trgm_idx ON end_users
                   USING gin (search_text gin_trgm_ops) WHERE merged_into IS NULL';
        END IF;
      END $do$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX IF EXISTS end_users_search_text_trgm_idx;
      ALTER TABLE end_users DROP COLUMN IF EXISTS search_text;
      DO $do$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
          EXECUTE 'CREATE INDEX end_users_search_trgm_idx ON end_users
                   USING gin (wm_user_search_text(traits) gin_trgm_ops) WHERE merged_into IS NULL';
        END IF;
      END $do$;
      DROP INDEX IF EXISTS end_users_people_idx;
      DROP FUNCTION IF EXISTS wm_prune_workspace_events(uuid, timestamptz, integer);
      ALTER TABLE workspaces DROP COLUMN IF EXISTS event_retention_days;
    `);
  }
}

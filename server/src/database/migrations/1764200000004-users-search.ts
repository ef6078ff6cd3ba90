import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The builder's user search and the workspace's app URL.
 *
 * - `workspaces.app_url`: the customer's app, where the element picker and previews open.
 * - `wm_user_search_text(traits)`: the lower-cased trait text a search matches by substring
 *   (email, name, firstName, lastName, username), one definition for the index and the query.
 * - Ids match by prefix through a `text_pattern_ops` index on `lower(external_id)`.
 * - Traits match by substring through a pg_trgm GIN index when the extension can be created
 *   (it is a trusted extension from PostgreSQL 13, available in Debian's server and in the
 *   embedded 15.x build); without it the same query scans the workspace's people.
 */
export class UsersSearch1764200000004 implements MigrationInterface {
  name = 'UsersSearch1764200000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE workspaces ADD COLUMN app_url text;

      CREATE FUNCTION wm_user_search_text(traits jsonb) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
        SELECT lower(coalesce(traits->>'email', '') || ' ' || coalesce(traits->>'name', '') || ' '
          || coalesce(traits->>'firstName', '') || ' ' || coalesce(traits->>'lastName', '') || ' '
          || coalesce(traits->>'username', ''))
      $fn$;

      CREATE INDEX identities_search_idx
        ON identities (workspace_id, lower(external_id) text_pattern_ops);

      DO $do$ BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
      EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'pg_trgm is not available (%): trait search will scan', SQLERRM;
      END $do$;

      DO $do$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
          EXECUTE 'CREATE INDEX end_users_search_trgm_idx ON end_users
                   USING gin (wm_user_search_text(traits) gin_trgm_ops) WHERE merged_into IS NULL';
        END IF;
      END $do$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX IF EXISTS end_users_search_trgm_idx;
      DROP INDEX IF EXISTS identities_search_idx;
      DROP FUNCTION IF EXISTS wm_user_search_text(jsonb);
      ALTER TABLE workspaces DROP COLUMN IF EXISTS app_url;
    `);
  }
}

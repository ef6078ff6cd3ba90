import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * End users and their identities. An end user is one person in a workspace; identities map each
 * external id (a userId or an anonymousId) to one end user. Merging (identify, alias) repoints
 * identities to the surviving user and marks the other `merged_into`, so events (which keep the
 * ids they were sent with) follow their person without being rewritten. Traits keep, per key,
 * the time they were set (`trait_times`), so an older write never overwrites a newer one.
 */
export class Identity1764100000002 implements MigrationInterface {
  name = 'Identity1764100000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE end_users (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id uuid NOT NULL,
        user_id text,
        traits jsonb NOT NULL DEFAULT '{}',
        trait_times jsonb NOT NULL DEFAULT '{}',
        merged_into uuid,
        first_seen_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, id)
      );
      CREATE INDEX end_users_live_idx ON end_users (workspace_id, created_at) WHERE merged_into IS NULL;
      CREATE INDEX end_users_merged_idx ON end_users (workspace_id, merged_into)
        WHERE merged_into IS NOT NULL;

      CREATE TABLE identities (
        workspace_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('user', 'anonymous')),
        external_id text NOT NULL,
        end_user_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, kind, external_id),
        FOREIGN KEY (workspace_id, end_user_id) REFERENCES end_users(workspace_id, id) ON DELETE CASCADE
      );
      CREATE INDEX identities_end_user_idx ON identities (workspace_id, end_user_id, kind);

      CREATE TABLE companies (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id text NOT NULL,
        traits jsonb NOT NULL DEFAULT '{}',
        trait_times jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, id)
      );
      CREATE TABLE company_members (
        workspace_id uuid NOT NULL,
        end_user_id uuid NOT NULL,
        company_id text NOT NULL,
        joined_at timestamptz NOT NULL,
        PRIMARY KEY (workspace_id, end_user_id, company_id),
        FOREIGN KEY (workspace_id, end_user_id) REFERENCES end_users(workspace_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, company_id) REFERENCES companies(workspace_id, id) ON DELETE CASCADE
      );
      CREATE INDEX company_members_company_idx ON company_members (workspace_id, company_id);

      -- Per-workspace ingestion rate; a workspace without a row gets the built-in default.
      CREATE TABLE ingest_limits (
        workspace_id uuid PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
        events_per_second integer NOT NULL CHECK (events_per_second > 0),
        burst integer NOT NULL CHECK (burst > 0)
      );

      -- Merges trait values: a key is taken from 'incoming' when it was set at or after the time
      -- stored for it. Returns the merged values and the merged times as one pair.
      CREATE FUNCTION wm_merge_traits(values_ jsonb, times_ jsonb, incoming jsonb, at_ text,
        OUT merged jsonb, OUT merged_times jsonb) LANGUAGE sql IMMUTABLE AS $fn$
        SELECT values_ || coalesce(jsonb_object_agg(k, v), '{}'),
               times_ || coalesce(jsonb_object_agg(k, to_jsonb(at_)), '{}')
        FROM jsonb_each(incoming) AS x(k, v)
        WHERE coalesce(times_ ->> k, '') <= at_
      $fn$;

      -- The ISO 8601 grammar of parseIsoTimestamp (shared/src/rules/rule-values.ts): a date, or a
      -- date-time with an offset; NULL for anything else, never an error.
      CREATE FUNCTION wm_parse_ts(s text) RETURNS timestamptz
      LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
      DECLARE
        m text[];
        y int; mo int; d int; h int; mi int; sec int; ms int; off int := 0; z text; dg text;
      BEGIN
        m := regexp_match(s, '^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\\.([0-9]{1,9}))?)?(Z|[+-][0-9]{2}:?[0-9]{2}))?$');
        IF m IS NULL THEN RETURN NULL; END IF;
        y := m[1]::int; mo := m[2]::int; d := m[3]::int;
        h := coalesce(m[4], '0')::int; mi := coalesce(m[5], '0')::int; sec := coalesce(m[6], '0')::int;
        ms := substr(coalesce(m[7], '') || '000', 1, 3)::int;
        IF y < 1 OR mo < 1 OR mo > 12 OR d < 1 OR h > 23 OR mi > 59 OR sec > 59 THEN RETURN NULL; END IF;
        IF d > extract(day FROM make_date(y, mo, 1) + interval '1 month - 1 day')::int THEN
          RETURN NULL;
        END IF;
        z := m[8];
        IF z IS NOT NULL AND z <> 'Z' THEN
          dg := replace(substr(z, 2), ':', '');
          IF substr(dg, 1, 2)::int > 23 OR substr(dg, 3, 2)::int > 59 THEN RETURN NULL; END IF;
          off := (CASE WHEN left(z, 1) = '-' THEN -1 ELSE 1 END)
                 * (substr(dg, 1, 2)::int * 60 + substr(dg, 3, 2)::int);
        END IF;
        RETURN make_timestamptz(y, mo, d, h, mi, sec + ms / 1000.0, 'UTC') - make_interval(mins => off);
      END
      $fn$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION wm_parse_ts(text);
      DROP FUNCTION wm_merge_traits(jsonb, jsonb, jsonb, text);
      DROP TABLE ingest_limits, company_members, companies, identities, end_users;
    `);
  }
}

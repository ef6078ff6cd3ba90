import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Feature tags, plus what the SDK path's in-memory caches need to hear about (ConfigChanges):
 * - `feature_tags` (workspace scoped), part of the published configuration: its writes NOTIFY
 *   `waymark_config` like content, versions, themes and experiments do.
 * - Key lookups: a change of an environment's keys or name, or of a workspace's identity
 *   settings, NOTIFYs `waymark_keys` with the workspace id (rotation takes effect everywhere).
 *   `UPDATE OF` lists the columns, so stamping `sdk_last_seen_at` tells nobody.
 * - Progress reads: any write to `content_progress` NOTIFYs `waymark_progress` with
 *   `<workspace id> <user key>`; PostgreSQL folds equal notifications of one transaction.
 * - `environments.sdk_last_seen_at`: when an SDK request with that key last arrived (throttled
 *   to once a minute), for the install page's "installation detected".
 */
export class FeatureTags1764200000001 implements MigrationInterface {
  name = 'FeatureTags1764200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE feature_tags (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id uuid NOT NULL,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('click', 'page')),
        target jsonb,
        url text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, id),
        UNIQUE (workspace_id, name),
        CHECK ((kind = 'click' AND target IS NOT NULL) OR (kind = 'page' AND url IS NOT NULL))
      );
      CREATE TRIGGER feature_tags_config_change AFTER INSERT OR UPDATE OR DELETE ON feature_tags
        FOR EACH ROW EXECUTE FUNCTION notify_config_change();

      CREATE FUNCTION notify_keys_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Each branch is planned only when run: workspaces have no workspace_id column.
        IF TG_TABLE_NAME = 'workspaces' THEN
          PERFORM pg_notify('waymark_keys', OLD.id::text);
        ELSE
          PERFORM pg_notify('waymark_keys', OLD.workspace_id::text);
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER environments_keys_change
        AFTER UPDATE OF sdk_key, secret_key_hash, name, workspace_id OR DELETE ON environments
        FOR EACH ROW EXECUTE FUNCTION notify_keys_change();
      CREATE TRIGGER workspaces_keys_change
        AFTER UPDATE OF identity_secret, require_identity_verification OR DELETE ON workspaces
        FOR EACH ROW EXECUTE FUNCTION notify_keys_change();

      CREATE FUNCTION notify_progress_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM pg_notify('waymark_progress', OLD.workspace_id::text || ' ' || OLD.user_key);
        ELSE
          PERFORM pg_notify('waymark_progress', NEW.workspace_id::text || ' ' || NEW.user_key);
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER content_progress_change AFTER INSERT OR UPDATE OR DELETE ON content_progress
        FOR EACH ROW EXECUTE FUNCTION notify_progress_change();

      ALTER TABLE environments ADD COLUMN sdk_last_seen_at timestamptz;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE environments DROP COLUMN sdk_last_seen_at;
      DROP TRIGGER content_progress_change ON content_progress;
      DROP FUNCTION notify_progress_change();
      DROP TRIGGER workspaces_keys_change ON workspaces;
      DROP TRIGGER environments_keys_change ON environments;
      DROP FUNCTION notify_keys_change();
      DROP TABLE feature_tags;
    `);
  }
}

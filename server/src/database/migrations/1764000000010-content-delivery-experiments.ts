import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Content lifecycle, delivery settings, shared themes, experiments with sticky assignments and
 * exposures, and per-user progress. Tenant tables lead their keys with workspace_id.
 *
 * A content item has at most one draft version (published_at IS NULL); published versions are
 * immutable, enforced by a trigger as well as by the service.
 */
export class ContentDeliveryExperiments1764000000010 implements MigrationInterface {
  name = 'ContentDeliveryExperiments1764000000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE content
        ADD COLUMN audience jsonb NOT NULL DEFAULT '{"type":"everyone"}',
        ADD COLUMN frequency jsonb NOT NULL DEFAULT '{"type":"once"}',
        ADD COLUMN schedule jsonb;
      CREATE INDEX content_status_idx ON content (workspace_id, status);

      CREATE TABLE themes (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id uuid NOT NULL,
        name text NOT NULL,
        theme jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, id)
      );

      ALTER TABLE content_versions
        ADD COLUMN theme_id uuid,
        ADD FOREIGN KEY (workspace_id, theme_id) REFERENCES themes(workspace_id, id);
      CREATE UNIQUE INDEX content_versions_one_draft
        ON content_versions (workspace_id, content_id) WHERE published_at IS NULL;

      CREATE FUNCTION content_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.published_at IS NOT NULL AND (
             NEW.definition IS DISTINCT FROM OLD.definition
          OR NEW.theme_id IS DISTINCT FROM OLD.theme_id
          OR NEW.version IS DISTINCT FROM OLD.version
          OR NEW.content_id IS DISTINCT FROM OLD.content_id
          OR NEW.published_at IS DISTINCT FROM OLD.published_at) THEN
          RAISE EXCEPTION 'published content versions are immutable' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER content_versions_immutable BEFORE UPDATE ON content_versions
        FOR EACH ROW EXECUTE FUNCTION content_versions_immutable();

      CREATE TABLE experiments (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id uuid NOT NULL,
        content_id uuid NOT NULL,
        name text NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'running', 'stopped', 'shipped')),
        seed text NOT NULL,
        variants jsonb NOT NULL,
        holdout jsonb,
        goal_id text NOT NULL,
        guardrail_goal_ids text[] NOT NULL DEFAULT '{}',
        started_at timestamptz,
        stopped_at timestamptz,
        shipped_variant text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, id),
        FOREIGN KEY (workspace_id, content_id) REFERENCES content(workspace_id, id) ON DELETE CASCADE
      );
      CREATE INDEX experiments_content_idx ON experiments (workspace_id, content_id);
      CREATE UNIQUE INDEX experiments_one_running
        ON experiments (workspace_id, content_id) WHERE status = 'running';

      -- One row per user and experiment: written at first assignment, exposure set once.
      CREATE TABLE experiment_assignments (
        workspace_id uuid NOT NULL,
        experiment_id uuid NOT NULL,
        user_key text NOT NULL,
        arm text NOT NULL,
        version_id uuid,
        assigned_at timestamptz NOT NULL DEFAULT now(),
        exposed_at timestamptz,
        PRIMARY KEY (workspace_id, experiment_id, user_key),
        FOREIGN KEY (workspace_id, experiment_id) REFERENCES experiments(workspace_id, id) ON DELETE CASCADE
      );
      CREATE INDEX experiment_assignments_user_idx ON experiment_assignments (workspace_id, user_key);

      -- Any write to what the SDK serves, through the API or not (seeds, SQL by hand), tells every
      -- instance's configuration cache at commit. PostgreSQL folds equal notifications of one
      -- transaction into one.
      CREATE FUNCTION notify_config_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('waymark_config',
          (CASE WHEN TG_OP = 'DELETE' THEN OLD.workspace_id ELSE NEW.workspace_id END)::text);
        RETURN NULL;
      END $$;
      CREATE TRIGGER content_config_change AFTER INSERT OR UPDATE OR DELETE ON content
        FOR EACH ROW EXECUTE FUNCTION notify_config_change();
      CREATE TRIGGER content_versions_config_change AFTER INSERT OR UPDATE OR DELETE ON content_versions
        FOR EACH ROW EXECUTE FUNCTION notify_config_change();
      CREATE TRIGGER themes_config_change AFTER INSERT OR UPDATE OR DELETE ON themes
        FOR EACH ROW EXECUTE FUNCTION notify_config_change();
      CREATE TRIGGER experiments_config_change AFTER INSERT OR UPDATE OR DELETE ON experiments
        FOR EACH ROW EXECUTE FUNCTION notify_config_change();

      -- Where a user is in a content item, so a walkthrough resumes on another page or device.
      CREATE TABLE content_progress (
        workspace_id uuid NOT NULL,
        user_key text NOT NULL,
        content_id uuid NOT NULL,
        version_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('in_progress', 'completed', 'dismissed')),
        step_id text,
        items jsonb NOT NULL DEFAULT '[]',
        answers jsonb NOT NULL DEFAULT '{}',
        shown_at timestamptz,
        completed_at timestamptz,
        dismissed_at timestamptz,
        -- Time of the latest update applied: older updates arriving late do not win.
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (workspace_id, user_key, content_id),
        FOREIGN KEY (workspace_id, content_id) REFERENCES content(workspace_id, id) ON DELETE CASCADE
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE content_progress, experiment_assignments, experiments;
      DROP TRIGGER content_config_change ON content;
      DROP TRIGGER content_versions_config_change ON content_versions;
      DROP TRIGGER themes_config_change ON themes;
      DROP FUNCTION notify_config_change();
      DROP TRIGGER content_versions_immutable ON content_versions;
      DROP FUNCTION content_versions_immutable();
      DROP INDEX content_versions_one_draft;
      ALTER TABLE content_versions DROP COLUMN theme_id;
      DROP TABLE themes;
      DROP INDEX content_status_idx;
      ALTER TABLE content DROP COLUMN audience, DROP COLUMN frequency, DROP COLUMN schedule;
    `);
  }
}

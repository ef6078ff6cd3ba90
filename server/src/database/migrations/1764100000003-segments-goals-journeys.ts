import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Segments with materialised membership (one row per stay: entered_at, exited_at; the open row is
 * the current membership), goals with one completion per user, journeys with each user's entry
 * time per stage and current position.
 */
export class SegmentsGoalsJourneys1764100000003 implements MigrationInterface {
  name = 'SegmentsGoalsJourneys1764100000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE segments (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id uuid NOT NULL,
        name text NOT NULL,
        rule jsonb NOT NULL,
        refreshed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, id)
      );
      CREATE TABLE segment_memberships (
        workspace_id uuid NOT NULL,
        segment_id uuid NOT NULL,
        end_user_id uuid NOT NULL,
        entered_at timestamptz NOT NULL,
        exited_at timestamptz,
        PRIMARY KEY (workspace_id, segment_id, end_user_id, entered_at),
        FOREIGN KEY (workspace_id, segment_id) REFERENCES segments(workspace_id, id) ON DELETE CASCADE
      );
      CREATE UNIQUE INDEX segment_memberships_current_idx
        ON segment_memberships (workspace_id, segment_id, end_user_id) WHERE exited_at IS NULL;
      CREATE INDEX segment_memberships_user_idx
        ON segment_memberships (workspace_id, end_user_id) WHERE exited_at IS NULL;

      CREATE TABLE goals (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id uuid NOT NULL,
        name text NOT NULL,
        definition jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, id)
      );
      CREATE TABLE goal_completions (
        workspace_id uuid NOT NULL,
        goal_id uuid NOT NULL,
        end_user_id uuid NOT NULL,
        completed_at timestamptz NOT NULL,
        PRIMARY KEY (workspace_id, goal_id, end_user_id),
        FOREIGN KEY (workspace_id, goal_id) REFERENCES goals(workspace_id, id) ON DELETE CASCADE
      );
      CREATE INDEX goal_completions_time_idx ON goal_completions (workspace_id, goal_id, completed_at);
      CREATE INDEX goal_completions_user_idx ON goal_completions (workspace_id, end_user_id);

      CREATE TABLE journeys (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id uuid NOT NULL,
        name text NOT NULL,
        stages jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, id)
      );
      CREATE TABLE journey_stage_entries (
        workspace_id uuid NOT NULL,
        journey_id uuid NOT NULL,
        end_user_id uuid NOT NULL,
        stage_id text NOT NULL,
        entered_at timestamptz NOT NULL,
        PRIMARY KEY (workspace_id, journey_id, end_user_id, stage_id),
        FOREIGN KEY (workspace_id, journey_id) REFERENCES journeys(workspace_id, id) ON DELETE CASCADE
      );
      CREATE INDEX journey_stage_entries_stage_idx
        ON journey_stage_entries (workspace_id, journey_id, stage_id, entered_at);
      CREATE TABLE journey_positions (
        workspace_id uuid NOT NULL,
        journey_id uuid NOT NULL,
        end_user_id uuid NOT NULL,
        stage_id text NOT NULL,
        since timestamptz NOT NULL,
        PRIMARY KEY (workspace_id, journey_id, end_user_id),
        FOREIGN KEY (workspace_id, journey_id) REFERENCES journeys(workspace_id, id) ON DELETE CASCADE
      );
      CREATE INDEX journey_positions_stage_idx ON journey_positions (workspace_id, journey_id, stage_id);
      CREATE INDEX journey_positions_user_idx ON journey_positions (workspace_id, end_user_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE journey_positions, journey_stage_entries, journeys, goal_completions, goals,
        segment_memberships, segments;
    `);
  }
}

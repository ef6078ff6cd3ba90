import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first schema. Every tenant table leads its primary key and indexes with workspace_id:
 * that is the isolation rule and the future distribution column.
 */
export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE workspaces (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE accounts (
        id uuid PRIMARY KEY,
        email text NOT NULL,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX accounts_email_key ON accounts (lower(email));
      CREATE TABLE memberships (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, account_id)
      );
      CREATE INDEX memberships_account_idx ON memberships (account_id);
      CREATE TABLE auth_sessions (
        token_hash text PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        csrf_token text NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE environments (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id uuid NOT NULL,
        name text NOT NULL,
        sdk_key text NOT NULL UNIQUE,
        secret_key_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, id),
        UNIQUE (workspace_id, name)
      );
      CREATE TABLE content (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('flow', 'checklist', 'banner', 'survey', 'launcher')),
        name text NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
        priority integer NOT NULL DEFAULT 0,
        triggers jsonb NOT NULL DEFAULT '[{"type":"immediate"}]',
        published_version_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, id)
      );
      CREATE TABLE content_versions (
        workspace_id uuid NOT NULL,
        id uuid NOT NULL,
        content_id uuid NOT NULL,
        version integer NOT NULL,
        definition jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        PRIMARY KEY (workspace_id, id),
        UNIQUE (workspace_id, content_id, version),
        FOREIGN KEY (workspace_id, content_id) REFERENCES content(workspace_id, id) ON DELETE CASCADE
      );
      CREATE TABLE events (
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
      CREATE INDEX events_name_ts_idx ON events (workspace_id, name, ts);
      CREATE INDEX events_user_ts_idx ON events (workspace_id, user_id, ts);
      CREATE INDEX events_ts_idx ON events (workspace_id, ts DESC, message_id DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE events, content_versions, content, environments, auth_sessions, memberships,
        accounts, workspaces;
    `);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts and workspaces: identity verification per workspace, secret-key hints, password
 * resets, invitations, the audit log and the login rate-limit counters.
 *
 * Global tables (no workspace_id): password_resets and rate_limits belong to accounts and
 * callers, not to a tenant. Tenant tables lead their keys with workspace_id.
 */
export class AccountsWorkspaces1763900000000 implements MigrationInterface {
  name = 'AccountsWorkspaces1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- gen_random_uuid() draws from pg_strong_random: two of them give 244 random bits. The app
      -- makes its own secret for new workspaces; the default covers existing and seeded rows.
      ALTER TABLE workspaces
        ADD COLUMN identity_secret text NOT NULL DEFAULT (
          'wm_is_' || replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '')
        ),
        ADD COLUMN require_identity_verification boolean NOT NULL DEFAULT false;

      ALTER TABLE environments ADD COLUMN secret_key_hint text NOT NULL DEFAULT '';

      CREATE TABLE password_resets (
        token_hash text PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX password_resets_account_idx ON password_resets (account_id);

      CREATE TABLE invitations (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id uuid NOT NULL,
        email text NOT NULL,
        role text NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
        token_hash text NOT NULL,
        invited_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, id),
        UNIQUE (workspace_id, token_hash)
      );
      -- One pending invitation per address and workspace; inviting again replaces it.
      CREATE UNIQUE INDEX invitations_pending_email_key
        ON invitations (workspace_id, lower(email)) WHERE accepted_at IS NULL;

      CREATE TABLE audit_log (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id bigint GENERATED ALWAYS AS IDENTITY,
        actor_type text NOT NULL CHECK (actor_type IN ('account', 'secret-key', 'system')),
        actor_id text,
        actor_label text,
        action text NOT NULL,
        target_type text NOT NULL,
        target_id text NOT NULL,
        before jsonb,
        after jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, id)
      );
      CREATE INDEX audit_log_target_idx ON audit_log (workspace_id, target_type, target_id, id);

      -- Fixed-window counters shared by every instance (login attempts, reset requests).
      CREATE TABLE rate_limits (
        key text PRIMARY KEY,
        window_started_at timestamptz NOT NULL,
        hits integer NOT NULL
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE rate_limits, audit_log, invitations, password_resets;
      ALTER TABLE environments DROP COLUMN secret_key_hint;
      ALTER TABLE workspaces DROP COLUMN identity_secret, DROP COLUMN require_identity_verification;
    `);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `preview_tokens`: one-time links that show an item's draft on the customer's app to its author.
 * Only the SHA-256 of a token is stored (a database leak opens no preview); a token lives about an
 * hour. Workspace-scoped like every tenant table; expired rows are swept when new ones are made.
 */
export class PreviewTokens1764200000002 implements MigrationInterface {
  name = 'PreviewTokens1764200000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE preview_tokens (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        token_hash bytea NOT NULL,
        content_id uuid NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (workspace_id, token_hash),
        FOREIGN KEY (workspace_id, content_id) REFERENCES content(workspace_id, id) ON DELETE CASCADE
      );
      CREATE INDEX preview_tokens_expiry ON preview_tokens (workspace_id, expires_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE preview_tokens`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tells every instance when an identity leaves a person: an `identities` row repointed to
 * another person (a merge, a shared device's second login, an alias) or deleted NOTIFYs
 * `waymark_identity` with `<workspace id> <person it left>` at commit. Each instance's cache
 * of resolved (userId, anonymousId) pairs (identity/write-plan.ts) drops the pairs it had
 * resolved to that person, so its next events of those ids are attributed to the new owner.
 * New identities (the hot path of ingestion) fire nothing: the trigger runs on UPDATE and DELETE
 * only, and an ON CONFLICT update to the same person is filtered out by its WHEN.
 */
export class IdentityMoves1764500000001 implements MigrationInterface {
  name = 'IdentityMoves1764500000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION wm_identity_moved() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM pg_notify('waymark_identity', OLD.workspace_id::text || ' ' || OLD.end_user_id::text);
        RETURN NULL;
      END
      $fn$;

      CREATE TRIGGER identities_moved AFTER UPDATE ON identities FOR EACH ROW
        WHEN (OLD.end_user_id IS DISTINCT FROM NEW.end_user_id) EXECUTE FUNCTION wm_identity_moved();
      CREATE TRIGGER identities_deleted AFTER DELETE ON identities FOR EACH ROW
        EXECUTE FUNCTION wm_identity_moved();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER identities_deleted ON identities;
      DROP TRIGGER identities_moved ON identities;
      DROP FUNCTION wm_identity_moved();
    `);
  }
}

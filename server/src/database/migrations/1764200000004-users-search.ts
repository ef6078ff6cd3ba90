import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reserved for users-search; filled in by the change that needs it. */
export class UsersSearch1764200000004 implements MigrationInterface {
  name = 'UsersSearch1764200000004';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}

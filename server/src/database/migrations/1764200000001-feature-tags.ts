import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reserved for feature-tags; filled in by the change that needs it. */
export class FeatureTags1764200000001 implements MigrationInterface {
  name = 'FeatureTags1764200000001';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}

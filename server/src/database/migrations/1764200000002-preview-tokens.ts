import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reserved for preview-tokens; filled in by the change that needs it. */
export class PreviewTokens1764200000002 implements MigrationInterface {
  name = 'PreviewTokens1764200000002';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reserved for events-tuning; filled in by the change that needs it. */
export class EventsTuning1764200000003 implements MigrationInterface {
  name = 'EventsTuning1764200000003';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}

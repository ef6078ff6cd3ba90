import { Controller, Get, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReadyResponse } from '@waymark/shared';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';

@Controller()
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Alive: the process answers. */
  @Get('health')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready: the database answers and no migration is pending; 503 otherwise. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadyResponse> {
    let database = false;
    let migrations = false;
    try {
      await this.db.query('SELECT 1');
      database = true;
      migrations = !(await this.db.showMigrations());
    } catch {
      // reported below
    }
    const ready = database && migrations;
    if (!ready) void reply.status(503);
    return { status: ready ? 'ready' : 'not_ready', database, migrations };
  }
}

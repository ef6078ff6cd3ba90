import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DEMO_WORKSPACE_ID } from './demo-seed';

@Injectable()
export class DemoService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The demo workspace's production SDK key, or null when there is no demo workspace. */
  async sdkKey(): Promise<string | null> {
    const rows = await this.db.query<Array<{ sdk_key: string }>>(
      `SELECT sdk_key FROM environments WHERE workspace_id = $1 AND name = 'production'`,
      [DEMO_WORKSPACE_ID],
    );
    return rows[0]?.sdk_key ?? null;
  }
}

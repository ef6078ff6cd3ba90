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

  /**
   * `key` when it is the public SDK key of some environment, else null. Lets any workspace try
   * its content on the demo app (`/demo/?key=wm_pk_…`); SDK keys are public by design.
   */
  async knownSdkKey(key: string): Promise<string | null> {
    if (!/^wm_pk_[A-Za-z0-9_-]{8,120}$/.test(key)) return null;
    const rows = await this.db.query<unknown[]>(`SELECT 1 FROM environments WHERE sdk_key = $1`, [
      key,
    ]);
    return rows.length > 0 ? key : null;
  }
}

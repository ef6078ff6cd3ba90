import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** The PostgreSQL channel that says "this workspace's published configuration changed". */
export const CONFIG_CHANNEL = 'waymark_config';

type Listener = (workspaceId: string) => void;

/**
 * Changes to what the SDK serves (publishing, delivery settings, themes, experiments) go through
 * `change`: the work runs in one transaction, and this instance's listeners are told at once
 * after it commits. Other instances hear of it through NOTIFY on CONFIG_CHANNEL, which triggers
 * on the tables send at commit (migration 1764000000010), for direct SQL writes too.
 */
@Injectable()
export class ConfigChanges {
  private readonly listeners = new Set<Listener>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async change<T>(workspaceId: string, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.db.transaction(work);
    for (const listener of this.listeners) listener(workspaceId);
    return result;
  }
}

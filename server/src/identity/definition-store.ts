import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';

/** A stored definition (segment, goal or journey): a name and one jsonb body. */
export interface StoredDefinition<T> {
  id: string;
  name: string;
  body: T;
  createdAt: Date;
  updatedAt: Date;
}

const CACHE_TTL_MS = 5_000;

/**
 * CRUD for the definition tables of the computed-state modules, plus a short per-workspace cache
 * for the hot path (incremental evaluation reads every definition on every batch). Writes in this
 * process invalidate it at once; other instances see changes within CACHE_TTL_MS.
 */
export class DefinitionStore<T> {
  private readonly cache = new Map<string, { at: number; list: Array<StoredDefinition<T>> }>();

  constructor(
    private readonly db: DataSource,
    private readonly table: 'segments' | 'goals' | 'journeys',
    private readonly column: 'rule' | 'definition' | 'stages',
    private readonly label: string,
  ) {}

  private map(row: { id: string; name: string; body: T; created_at: Date; updated_at: Date }) {
    return {
      id: row.id,
      name: row.name,
      body: row.body,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  async list(workspaceId: string): Promise<Array<StoredDefinition<T>>> {
    const rows = await this.db.query<
      Array<{ id: string; name: string; body: T; created_at: Date; updated_at: Date }>
    >(
      `SELECT id, name, ${this.column} AS body, created_at, updated_at FROM ${this.table}
       WHERE workspace_id = $1 ORDER BY created_at, id`,
      [workspaceId],
    );
    return rows.map((r) => this.map(r));
  }

  /** The workspace's definitions, cached briefly. */
  async cached(workspaceId: string): Promise<Array<StoredDefinition<T>>> {
    const hit = this.cache.get(workspaceId);
    if (hit && Date.now() - hit.at < CACHE_TTL_MS) return hit.list;
    const list = await this.list(workspaceId);
    this.cache.set(workspaceId, { at: Date.now(), list });
    return list;
  }

  /** 404 for an unknown id and for another workspace's. */
  async get(workspaceId: string, id: string): Promise<StoredDefinition<T>> {
    const [row] = await this.db.query<
      Array<{ id: string; name: string; body: T; created_at: Date; updated_at: Date }>
    >(
      `SELECT id, name, ${this.column} AS body, created_at, updated_at FROM ${this.table}
       WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id],
    );
    if (!row) throw new AppError('not_found', `No such ${this.label}.`);
    return this.map(row);
  }

  async create(workspaceId: string, name: string, body: T): Promise<StoredDefinition<T>> {
    const id = randomUUID();
    await this.db.query(
      `INSERT INTO ${this.table} (workspace_id, id, name, ${this.column}) VALUES ($1, $2, $3, $4)`,
      [workspaceId, id, name, JSON.stringify(body)],
    );
    this.cache.delete(workspaceId);
    return this.get(workspaceId, id);
  }

  async update(
    workspaceId: string,
    id: string,
    name: string,
    body: T,
  ): Promise<StoredDefinition<T>> {
    const [, count] = await this.db.query<[unknown, number]>(
      `UPDATE ${this.table} SET name = $3, ${this.column} = $4, updated_at = now()
       WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, name, JSON.stringify(body)],
    );
    if (!count) throw new AppError('not_found', `No such ${this.label}.`);
    this.cache.delete(workspaceId);
    return this.get(workspaceId, id);
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    const [, count] = await this.db.query<[unknown, number]>(
      `DELETE FROM ${this.table} WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id],
    );
    if (!count) throw new AppError('not_found', `No such ${this.label}.`);
    this.cache.delete(workspaceId);
  }
}

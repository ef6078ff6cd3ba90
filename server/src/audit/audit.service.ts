import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditActor, AuditEntry, AuditPage, AuditQuery } from '@waymark/shared';
import { DataSource, type EntityManager } from 'typeorm';

type Summary = Record<string, unknown>;

/** One change to record. Summaries name what changed; never put secrets in them. */
export interface AuditRecord {
  workspaceId: string;
  actor: AuditActor;
  /** `<target type>.<verb>`, e.g. `content.published`, `member.role_changed`. */
  action: string;
  target: { type: string; id: string };
  before?: Summary | null;
  after?: Summary | null;
}

/** The actor for a signed-in builder account. */
export const accountActor = (account: { id: string; email: string }): AuditActor => ({
  type: 'account',
  id: account.id,
  label: account.email,
});

/** The actor for a server-to-server call made with an environment's secret key. */
export const keyActor = (environment: { id: string; name: string }): AuditActor => ({
  type: 'secret-key',
  id: environment.id,
  label: environment.name,
});

interface AuditRow {
  id: string;
  actor_type: AuditActor['type'];
  actor_id: string | null;
  actor_label: string | null;
  action: string;
  target_type: string;
  target_id: string;
  before: Summary | null;
  after: Summary | null;
  created_at: Date;
}

/**
 * The audit log: who changed what and when, per workspace. Other modules inject AuditService
 * (AuditModule is global) and call `record` inside the transaction of the change, so the entry
 * and the change commit or roll back together.
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Appends one entry; pass the transaction's EntityManager when inside one. */
  async record(entry: AuditRecord, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log
         (workspace_id, actor_type, actor_id, actor_label, action, target_type, target_id, before, after)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        entry.workspaceId,
        entry.actor.type,
        entry.actor.id,
        entry.actor.label,
        entry.action,
        entry.target.type,
        entry.target.id,
        entry.before ? JSON.stringify(entry.before) : null,
        entry.after ? JSON.stringify(entry.after) : null,
      ],
    );
  }

  /** Newest first, keyset-paged on the entry id (ordered as bigint, not as the text it is sent as). */
  async list(workspaceId: string, query: AuditQuery): Promise<AuditPage> {
    const where = ['workspace_id = $1'];
    const values: unknown[] = [workspaceId];
    const add = (sql: string, value: unknown): void => {
      values.push(value);
      where.push(sql.replace('?', `$${values.length}`));
    };
    if (query.cursor) add('id < ?', query.cursor);
    if (query.action) add('action = ?', query.action);
    if (query.targetType) add('target_type = ?', query.targetType);
    if (query.targetId) add('target_id = ?', query.targetId);
    values.push(query.limit + 1);
    const rows = (await this.db.query(
      `SELECT id::text AS id, actor_type, actor_id, actor_label, action, target_type, target_id,
              before, after, created_at
         FROM audit_log WHERE ${where.join(' AND ')}
        ORDER BY audit_log.id DESC LIMIT $${values.length}`,
      values,
    )) as AuditRow[];
    const page = rows.slice(0, query.limit);
    return {
      data: page.map(toEntry),
      nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
    };
  }
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    actor: { type: row.actor_type, id: row.actor_id, label: row.actor_label },
    action: row.action,
    target: { type: row.target_type, id: row.target_id },
    before: (row.before as AuditEntry['before']) ?? null,
    after: (row.after as AuditEntry['after']) ?? null,
    at: row.created_at.toISOString(),
  };
}

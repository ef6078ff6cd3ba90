import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FeatureTagInput, FeatureTagRecord } from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { accountActor, AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { ConfigChanges } from '../content/config-changes';
import type { WorkspaceMember } from '../workspaces/require-role.decorator';

interface Row {
  id: string;
  name: string;
  kind: 'click' | 'page';
  target: Extract<FeatureTagRecord, { kind: 'click' }>['target'] | null;
  url: string | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, name, kind, target, url, created_at, updated_at';

function toRecord(row: Row, events30d: number): FeatureTagRecord {
  const common = {
    id: row.id,
    name: row.name,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    events30d,
  };
  return row.kind === 'click'
    ? {
        ...common,
        kind: 'click',
        target: row.target ?? { attributes: {} },
        ...(row.url ? { url: row.url } : {}),
      }
    : { ...common, kind: 'page', url: row.url ?? '' };
}

const notFound = (): AppError => new AppError('not_found', 'No such feature tag.');

/** Whether a database error is the unique (workspace_id, name) constraint. */
const isDuplicate = (error: unknown): boolean =>
  error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';

/**
 * Feature tags: no-code definitions that turn a click on an element, or a page view, into a
 * named event. Part of the published configuration the SDK delivers (`featureTags` in the
 * session answer), so every write goes through ConfigChanges (this instance's cache at once,
 * other instances by the table's NOTIFY trigger) and is audited in the same transaction.
 */
@Injectable()
export class FeatureTagsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: ConfigChanges,
    private readonly audit: AuditService,
  ) {}

  async list(workspaceId: string): Promise<FeatureTagRecord[]> {
    const rows = await this.db.query<Row[]>(
      `SELECT ${COLUMNS} FROM feature_tags WHERE workspace_id = $1 ORDER BY lower(name), id`,
      [workspaceId],
    );
    const counts = await this.counts(
      workspaceId,
      rows.map((r) => r.name),
    );
    return rows.map((r) => toRecord(r, counts.get(r.name) ?? 0));
  }

  async get(workspaceId: string, id: string): Promise<FeatureTagRecord> {
    const row = await this.find(this.db.manager, workspaceId, id);
    const counts = await this.counts(workspaceId, [row.name]);
    return toRecord(row, counts.get(row.name) ?? 0);
  }

  async create(
    workspaceId: string,
    member: WorkspaceMember,
    input: FeatureTagInput,
  ): Promise<FeatureTagRecord> {
    const row = await this.write(workspaceId, input.name, async (tx) => {
      const [created] = await tx.query<Row[]>(
        `INSERT INTO feature_tags (workspace_id, id, name, kind, target, url)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
        [workspaceId, randomUUID(), ...fieldsOf(input)],
      );
      await this.record(tx, member, 'feature_tag.created', created!, null);
      return created!;
    });
    return this.withCount(workspaceId, row);
  }

  async update(
    workspaceId: string,
    member: WorkspaceMember,
    id: string,
    input: FeatureTagInput,
  ): Promise<FeatureTagRecord> {
    const row = await this.write(workspaceId, input.name, async (tx) => {
      const before = await this.find(tx, workspaceId, id, true);
      // TypeORM answers UPDATE … RETURNING as [rows, affected].
      const [[after]] = await tx.query<[Row[], number]>(
        `UPDATE feature_tags SET name = $3, kind = $4, target = $5, url = $6, updated_at = now()
          WHERE workspace_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
        [workspaceId, id, ...fieldsOf(input)],
      );
      await this.record(tx, member, 'feature_tag.updated', after!, before);
      return after!;
    });
    return this.withCount(workspaceId, row);
  }

  async remove(workspaceId: string, member: WorkspaceMember, id: string): Promise<void> {
    await this.changes.change(workspaceId, async (tx) => {
      const before = await this.find(tx, workspaceId, id, true);
      await tx.query(`DELETE FROM feature_tags WHERE workspace_id = $1 AND id = $2`, [
        workspaceId,
        id,
      ]);
      await this.record(tx, member, 'feature_tag.deleted', before, before);
    });
  }

  /** Events per name over the last 30 days (the `(workspace_id, name, ts)` index). */
  private async counts(workspaceId: string, names: string[]): Promise<Map<string, number>> {
    if (names.length === 0) return new Map();
    const rows = await this.db.query<Array<{ name: string; count: number }>>(
      `SELECT name, count(*)::int AS count FROM events
        WHERE workspace_id = $1 AND name = ANY($2::text[]) AND ts >= now() - interval '30 days'
        GROUP BY name`,
      [workspaceId, names],
    );
    return new Map(rows.map((r) => [r.name, r.count]));
  }

  private async withCount(workspaceId: string, row: Row): Promise<FeatureTagRecord> {
    const counts = await this.counts(workspaceId, [row.name]);
    return toRecord(row, counts.get(row.name) ?? 0);
  }

  /** A write in one transaction through ConfigChanges; a taken name answers 409. */
  private async write(
    workspaceId: string,
    name: string,
    work: (tx: EntityManager) => Promise<Row>,
  ): Promise<Row> {
    try {
      return await this.changes.change(workspaceId, work);
    } catch (error) {
      if (!isDuplicate(error)) throw error;
      throw new AppError('conflict', `A feature tag named “${name}” exists already.`, [
        { path: 'name', message: 'another feature tag has this name' },
      ]);
    }
  }

  private async find(
    manager: EntityManager,
    workspaceId: string,
    id: string,
    lock = false,
  ): Promise<Row> {
    const [row] = await manager.query<Row[]>(
      `SELECT ${COLUMNS} FROM feature_tags WHERE workspace_id = $1 AND id = $2
       ${lock ? 'FOR UPDATE' : ''}`,
      [workspaceId, id],
    );
    if (!row) throw notFound();
    return row;
  }

  private record(
    tx: EntityManager,
    member: WorkspaceMember,
    action: string,
    row: Row,
    before: Row | null,
  ): Promise<void> {
    return this.audit.record(
      {
        workspaceId: member.workspaceId,
        actor: accountActor({ id: member.accountId, email: member.email }),
        action,
        target: { type: 'feature_tag', id: row.id },
        before: before && summary(before),
        after: action === 'feature_tag.deleted' ? null : summary(row),
      },
      tx,
    );
  }
}

/** What the audit log says of a tag: enough to tell what changed. */
function summary(row: Row): Record<string, unknown> {
  return {
    name: row.name,
    kind: row.kind,
    ...(row.url ? { url: row.url } : {}),
    ...(row.target?.selector ? { selector: row.target.selector } : {}),
  };
}

/** name, kind, target, url as stored (a page tag has no target). */
function fieldsOf(input: FeatureTagInput): [string, string, string | null, string | null] {
  return input.kind === 'click'
    ? [input.name, 'click', JSON.stringify(input.target), input.url ?? null]
    : [input.name, 'page', null, input.url];
}

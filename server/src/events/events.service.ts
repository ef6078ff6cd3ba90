import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  contentEventName,
  type EventsExportQuery,
  type SdkUser,
  type StoredEvent,
} from '@waymark/shared';
import { DataSource } from 'typeorm';
import type { EventRow } from './event-row';
import { EventWriter } from './event-writer';
import { decodeCursor } from './events-cursor';
import { EXPORT_COLUMNS, exportPage, type ExportRow } from './events-page';

export { correctSkew, toRow, type EventRow } from './event-row';

@Injectable()
export class EventsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: EventWriter,
  ) {}

  /**
   * Stores rows and returns after commit (group commit with concurrent writers); a messageId
   * already stored for the workspace is skipped, so retries never duplicate.
   */
  insert(workspaceId: string, rows: EventRow[]): Promise<void> {
    return this.writer.write(workspaceId, rows);
  }

  /** Content ids this user has completed or dismissed. */
  async finishedContent(workspaceId: string, user: SdkUser): Promise<Set<string>> {
    const rows = await this.db.query<Array<{ content_id: string }>>(
      `SELECT DISTINCT properties->>'contentId' AS content_id FROM events
       WHERE workspace_id = $1 AND name = ANY($2)
         AND (anonymous_id = $3 OR ($4::text IS NOT NULL AND user_id = $4))`,
      [
        workspaceId,
        [contentEventName('completed'), contentEventName('dismissed')],
        user.anonymousId,
        user.userId ?? null,
      ],
    );
    return new Set(rows.map((r) => r.content_id));
  }

  async export(
    workspaceId: string,
    query: EventsExportQuery,
  ): Promise<{ data: StoredEvent[]; nextCursor: string | null }> {
    const where = ['workspace_id = $1'];
    const params: unknown[] = [workspaceId];
    const add = (sql: string, value: unknown): void => {
      params.push(value);
      where.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (query.userId) add('user_id = ?', query.userId);
    if (query.anonymousId) add('anonymous_id = ?', query.anonymousId);
    if (query.name) add('name = ?', query.name);
    if (query.from) add('ts >= ?', query.from);
    if (query.to) add('ts < ?', query.to);
    if (query.cursor) {
      const [ts, messageId] = decodeCursor(query.cursor);
      params.push(ts, messageId);
      where.push(`(ts, message_id) < ($${params.length - 1}::timestamptz, $${params.length})`);
    }
    params.push(query.limit + 1);
    const rows = await this.db.query<ExportRow[]>(
      `SELECT ${EXPORT_COLUMNS} FROM events
       WHERE ${where.join(' AND ')} ORDER BY ts DESC, message_id DESC LIMIT $${params.length}`,
      params,
    );
    return exportPage(rows, query.limit);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  contentEventName,
  type EventsExportQuery,
  type SdkEvent,
  type SdkUser,
  type StoredEvent,
} from '@waymark/shared';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';

/** One row of the events table, ready to insert. */
export interface EventRow {
  messageId: string;
  name: string;
  userId: string | null;
  anonymousId: string | null;
  properties: Record<string, unknown>;
  ts: Date;
}

/**
 * Moves a client timestamp onto the server's clock: `receivedAt − (sentAt − timestamp)`, so a
 * device whose clock is hours off still records when things happened.
 */
export function correctSkew(timestamp: string, sentAt: string, receivedAt: Date): Date {
  return new Date(receivedAt.getTime() - (Date.parse(sentAt) - Date.parse(timestamp)));
}

export function toRow(event: SdkEvent, user: SdkUser, sentAt: string, receivedAt: Date): EventRow {
  const common = {
    messageId: event.messageId,
    userId: user.userId ?? null,
    anonymousId: user.anonymousId,
    ts: correctSkew(event.timestamp, sentAt, receivedAt),
  };
  switch (event.type) {
    case 'track':
      return { ...common, name: event.event, properties: event.properties };
    case 'page':
      return { ...common, name: '$page', properties: event.properties };
    case 'content': {
      const { contentId, versionId, stepId } = event;
      const properties = {
        ...event.properties,
        contentId,
        versionId,
        ...(stepId ? { stepId } : {}),
      };
      return { ...common, name: contentEventName(event.action), properties };
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

const encodeCursor = (ts: string, messageId: string): string =>
  Buffer.from(JSON.stringify([ts, messageId])).toString('base64url');

function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return [value[0] as string, value[1] as string];
    }
  } catch {
    // fall through
  }
  throw new AppError('validation_failed', 'The cursor is not one this API returned.', [
    { path: 'cursor', message: 'Invalid cursor' },
  ]);
}

@Injectable()
export class EventsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Stores rows in one multi-row statement and returns after commit; a messageId already stored
   * for the workspace is skipped, so retries never duplicate.
   */
  async insert(workspaceId: string, rows: EventRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.query(
      `INSERT INTO events (workspace_id, message_id, name, user_id, anonymous_id, properties, ts)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::timestamptz[])
       ON CONFLICT (workspace_id, message_id) DO NOTHING`,
      [
        workspaceId,
        rows.map((r) => r.messageId),
        rows.map((r) => r.name),
        rows.map((r) => r.userId),
        rows.map((r) => r.anonymousId),
        rows.map((r) => JSON.stringify(r.properties)),
        rows.map((r) => r.ts.toISOString()),
      ],
    );
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
    const rows = await this.db.query<
      Array<{
        message_id: string;
        name: string;
        user_id: string | null;
        anonymous_id: string | null;
        properties: Record<string, StoredEvent['properties'][string]>;
        ts: Date;
        received_at: Date;
      }>
    >(
      `SELECT message_id, name, user_id, anonymous_id, properties, ts, received_at FROM events
       WHERE ${where.join(' AND ')} ORDER BY ts DESC, message_id DESC LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      data: page.map((r) => ({
        messageId: r.message_id,
        name: r.name,
        userId: r.user_id,
        anonymousId: r.anonymous_id,
        properties: r.properties,
        timestamp: r.ts.toISOString(),
        receivedAt: r.received_at.toISOString(),
      })),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor(last.ts.toISOString(), last.message_id)
          : null,
    };
  }
}

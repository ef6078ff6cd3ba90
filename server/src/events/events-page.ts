import type { EventsExportResponse, StoredEvent } from '@waymark/shared';
import { encodeCursor } from './events-cursor';

/** The `events` columns a page of the export API reads, as `ExportRow` names them. */
export const EXPORT_COLUMNS =
  'message_id, name, user_id, anonymous_id, properties, ts, received_at';

export interface ExportRow {
  message_id: string;
  name: string;
  user_id: string | null;
  anonymous_id: string | null;
  properties: StoredEvent['properties'];
  ts: Date;
  received_at: Date;
}

/**
 * One page of the events export shape (the secret-key export, a person's timeline in the
 * builder) from rows ordered by `ts DESC, message_id DESC` and limited to `limit + 1`: the extra
 * row only tells that another page follows, whose cursor is the last row served.
 */
export function exportPage(rows: ExportRow[], limit: number): EventsExportResponse {
  const page = rows.slice(0, limit);
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
      rows.length > limit && last ? encodeCursor(last.ts.toISOString(), last.message_id) : null,
  };
}

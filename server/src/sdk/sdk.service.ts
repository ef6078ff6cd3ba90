import { Injectable } from '@nestjs/common';
import {
  SdkEventSchema,
  toFieldIssues,
  type EligibleContent,
  type EventsRequest,
  type EventsResponse,
  type SdkUser,
} from '@waymark/shared';
import { createHash } from 'node:crypto';
import { ContentService } from '../content/content.service';
import { EventsService, toRow, type EventRow } from '../events/events.service';

@Injectable()
export class SdkService {
  constructor(
    private readonly content: ContentService,
    private readonly events: EventsService,
  ) {}

  /** What this user may see now. Audiences, schedules and experiments join here later. */
  async eligible(workspaceId: string, user: SdkUser): Promise<EligibleContent[]> {
    const [published, finished] = await Promise.all([
      this.content.published(workspaceId),
      this.events.finishedContent(workspaceId, user),
    ]);
    return published
      .filter((item) => !finished.has(item.id))
      .map((item) => ({ ...item, progress: null }));
  }

  etagOf(content: EligibleContent[]): string {
    const versions = content.map((c) => c.versionId).join(',');
    return createHash('sha1').update(versions).digest('base64url');
  }

  /**
   * Validates each event alone: a malformed one is rejected with its index and reasons while the
   * valid ones are stored. Answers only after the insert has committed.
   */
  async ingest(workspaceId: string, batch: EventsRequest): Promise<EventsResponse> {
    const receivedAt = new Date();
    const rows: EventRow[] = [];
    const rejected: EventsResponse['rejected'] = [];
    batch.events.forEach((raw, index) => {
      const parsed = SdkEventSchema.safeParse(raw);
      if (parsed.success) {
        rows.push(toRow(parsed.data, batch.user, batch.sentAt, receivedAt));
        return;
      }
      const messageId = (raw as { messageId?: unknown } | null)?.messageId;
      rejected.push({
        index,
        ...(typeof messageId === 'string' ? { messageId } : {}),
        issues: toFieldIssues(parsed.error),
      });
    });
    await this.events.insert(workspaceId, rows);
    return { accepted: rows.length, rejected, content: [] };
  }
}

import { Injectable } from '@nestjs/common';
import {
  INGEST_LIMITS,
  toFieldIssues,
  type IngestResponse,
  type SegmentBatch,
  type SegmentMessageType,
} from '@waymark/shared';
import { AppError } from '../common/app-error';
import type { EventRow } from '../events/event-row';
import { EventsService } from '../events/events.service';
import type { JsonValue } from '../identity/json';
import { JsonSegmentMessageSchema } from './message-schema';
import { IngestRateLimiter } from './rate-limiter';
import { segmentRow } from './segment-rows';

type Rejected = IngestResponse['rejected'][number];

/** Thrown when a workspace is over its rate; carries the seconds for Retry-After. */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfter: number) {
    super('rate_limited', `This workspace is over its event rate; retry in ${retryAfter} s.`);
  }
}

const TOO_LARGE = `An event may be at most ${INGEST_LIMITS.eventBytes} bytes.`;
/** Over 32 KB as UTF-8 (a UTF-16 unit is at most 3 bytes, so most events skip the count). */
const tooLarge = (raw: unknown): boolean => {
  const json = JSON.stringify(raw) ?? '';
  if (json.length * 3 <= INGEST_LIMITS.eventBytes) return false;
  return Buffer.byteLength(json) > INGEST_LIMITS.eventBytes;
};

const messageIdOf = (raw: unknown): string | undefined => {
  const id = (raw as { messageId?: unknown } | null)?.messageId;
  return typeof id === 'string' ? id : undefined;
};

/** A rejected message: its index, its messageId when it has one, and why. */
function rejection(index: number, raw: unknown, issues: Rejected['issues']): Rejected {
  const messageId = messageIdOf(raw);
  return { index, ...(messageId === undefined ? {} : { messageId }), issues };
}

@Injectable()
export class IngestService {
  constructor(
    private readonly events: EventsService,
    private readonly limiter: IngestRateLimiter,
  ) {}

  /** Validates one message alone: too large, or not a Segment message, rejects only it. */
  private check(
    raw: unknown,
    index: number,
    batch: { sentAt?: string | undefined; context?: Record<string, JsonValue> | undefined },
    receivedAt: Date,
    type?: SegmentMessageType,
    measure = true,
  ): EventRow | Rejected {
    // Hot path (every event): nothing is allocated for the rejection unless there is one.
    if (measure && tooLarge(raw)) return rejection(index, raw, [{ path: '', message: TOO_LARGE }]);
    const input = type && raw && typeof raw === 'object' ? { ...raw, type } : raw;
    const parsed = JsonSegmentMessageSchema.safeParse(input);
    if (!parsed.success) return rejection(index, raw, toFieldIssues(parsed.error));
    return segmentRow(parsed.data, raw, batch, receivedAt);
  }

  /** `bodyBytes`: when the whole body is within the per-event limit, no event can exceed it. */
  async batch(
    workspaceId: string,
    body: SegmentBatch,
    bodyBytes = Infinity,
  ): Promise<IngestResponse> {
    const receivedAt = new Date();
    const rows: EventRow[] = [];
    const rejected: Rejected[] = [];
    const envelope = {
      sentAt: body.sentAt,
      context: body.context as Record<string, JsonValue> | undefined,
    };
    body.batch.forEach((raw, index) => {
      const result = this.check(
        raw,
        index,
        envelope,
        receivedAt,
        undefined,
        bodyBytes > INGEST_LIMITS.eventBytes,
      );
      if ('issues' in result) rejected.push(result);
      else rows.push(result);
    });
    if (rows.length === 0) {
      throw new AppError('validation_failed', 'No event in the batch is valid.', rejected);
    }
    await this.store(workspaceId, rows);
    return { success: true, accepted: rows.length, rejected };
  }

  async single(
    workspaceId: string,
    type: SegmentMessageType,
    raw: unknown,
  ): Promise<IngestResponse> {
    if (tooLarge(raw)) throw new AppError('payload_too_large', TOO_LARGE);
    const result = this.check(raw, 0, {}, new Date(), type);
    if ('issues' in result) throw new AppError('validation_failed', undefined, result.issues);
    await this.store(workspaceId, [result]);
    return { success: true, accepted: 1, rejected: [] };
  }

  private async store(workspaceId: string, rows: EventRow[]): Promise<void> {
    const wait = await this.limiter.take(workspaceId, rows.length);
    if (wait > 0) throw new RateLimitedError(wait);
    await this.events.insert(workspaceId, rows);
  }
}

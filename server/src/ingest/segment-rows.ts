import type { SegmentMessage } from '@waymark/shared';
import { createHash } from 'node:crypto';
import { correctSkew, type EventRow } from '../events/event-row';
import type { JsonValue } from '../identity/json';

type Dict = Record<string, JsonValue>;

/** A messageId for a message sent without one: the hash of its content, so retries dedupe. */
export function derivedMessageId(raw: unknown): string {
  const { sentAt: _sentAt, writeKey: _writeKey, ...rest } = (raw ?? {}) as Record<string, unknown>;
  return `wm-${createHash('sha256').update(JSON.stringify(rest)).digest('base64url').slice(0, 32)}`;
}

let lastSentAt = '';
let lastSentAtMs = NaN;
/** Date.parse of a batch's sentAt, remembered: every event of a batch shares it. */
function sentAtMs(sentAt: string): number {
  if (sentAt !== lastSentAt) {
    lastSentAt = sentAt;
    lastSentAtMs = Date.parse(sentAt);
  }
  return lastSentAtMs;
}

/**
 * When it happened on the server's clock: `receivedAt − (sentAt − timestamp)` when the client
 * sent both; the timestamp as sent when there is no sentAt; receivedAt when there is neither.
 */
export function eventTime(
  timestamp: string | undefined,
  sentAt: string | undefined,
  receivedAt: Date,
): Date {
  if (!timestamp) return receivedAt;
  return sentAt
    ? correctSkew(Date.parse(timestamp), sentAtMs(sentAt), receivedAt)
    : new Date(timestamp);
}

function isEmpty(dict: Dict): boolean {
  for (const _ in dict) return false;
  return true;
}

/** The message's context over the batch's (per key); null when neither says anything. */
function contextOf(batch: Dict | undefined, message: Dict | undefined): Dict | null {
  const context = batch && message ? { ...batch, ...message } : (message ?? batch);
  return context && !isEmpty(context) ? context : null;
}

/**
 * Maps a validated Segment message to an event row (names: the event, or `$page`, `$identify`…).
 * Hot path (every ingested event): one object literal, no spreads of the message.
 */
export function segmentRow(
  message: SegmentMessage,
  raw: unknown,
  batch: { sentAt?: string | undefined; context?: Dict | undefined },
  receivedAt: Date,
): EventRow {
  const row: EventRow = {
    messageId: message.messageId ?? derivedMessageId(raw),
    type: message.type,
    name: '',
    userId: message.userId ?? null,
    anonymousId: message.anonymousId ?? null,
    properties: {},
    context: contextOf(batch.context, message.context),
    ts: eventTime(
      message.timestamp ?? message.originalTimestamp,
      message.sentAt ?? batch.sentAt,
      receivedAt,
    ),
  };
  switch (message.type) {
    case 'track':
      row.name = message.event;
      row.properties = message.properties;
      return row;
    case 'identify':
      row.name = '$identify';
      row.properties = message.traits;
      row.identity = { kind: 'identify', traits: message.traits };
      return row;
    case 'page':
    case 'screen': {
      const category = message.type === 'page' ? message.category : undefined;
      const properties: Dict =
        message.name || category ? { ...message.properties } : message.properties;
      if (message.name) properties.name = message.name;
      if (category) properties.category = category;
      row.name = `$${message.type}`;
      row.properties = properties;
      return row;
    }
    case 'group':
      row.name = '$group';
      row.properties = { groupId: message.groupId, traits: message.traits };
      row.identity = { kind: 'group', groupId: message.groupId, traits: message.traits };
      return row;
    case 'alias':
      row.name = '$alias';
      row.properties = { previousId: message.previousId };
      row.identity = { kind: 'alias', previousId: message.previousId };
      return row;
    default: {
      const unreachable: never = message;
      return unreachable;
    }
  }
}

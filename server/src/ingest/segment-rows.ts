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
  return sentAt ? correctSkew(timestamp, sentAt, receivedAt) : new Date(timestamp);
}

/** Maps a validated Segment message to an event row (names: the event, or `$page`, `$identify`…). */
export function segmentRow(
  message: SegmentMessage,
  raw: unknown,
  batch: { sentAt?: string | undefined; context?: Dict | undefined },
  receivedAt: Date,
): EventRow {
  const context = { ...batch.context, ...message.context };
  const base = {
    messageId: message.messageId ?? derivedMessageId(raw),
    userId: message.userId ?? null,
    anonymousId: message.anonymousId ?? null,
    context: Object.keys(context).length > 0 ? context : null,
    ts: eventTime(
      message.timestamp ?? message.originalTimestamp,
      message.sentAt ?? batch.sentAt,
      receivedAt,
    ),
  };
  switch (message.type) {
    case 'track':
      return { ...base, type: 'track', name: message.event, properties: message.properties };
    case 'identify':
      return {
        ...base,
        type: 'identify',
        name: '$identify',
        properties: message.traits,
        identity: { kind: 'identify', traits: message.traits },
      };
    case 'page':
    case 'screen': {
      const properties: Dict = { ...message.properties };
      if (message.name) properties.name = message.name;
      if (message.type === 'page' && message.category) properties.category = message.category;
      return { ...base, type: message.type, name: `$${message.type}`, properties };
    }
    case 'group':
      return {
        ...base,
        type: 'group',
        name: '$group',
        properties: { groupId: message.groupId, traits: message.traits },
        identity: { kind: 'group', groupId: message.groupId, traits: message.traits },
      };
    case 'alias':
      return {
        ...base,
        type: 'alias',
        name: '$alias',
        properties: { previousId: message.previousId },
        identity: { kind: 'alias', previousId: message.previousId },
      };
    default: {
      const unreachable: never = message;
      return unreachable;
    }
  }
}

import { contentEventName, EXPOSURE_EVENT, type SdkEvent, type SdkUser } from '@waymark/shared';
import type { IdentityOp } from '../identity/identity-ops';

/** Kinds of stored events: the Segment call types plus the widget's content and exposure events. */
export type EventType =
  'track' | 'page' | 'screen' | 'identify' | 'group' | 'alias' | 'content' | 'exposure';

/** One row of the events table, ready to insert. */
export interface EventRow {
  messageId: string;
  /** Default 'track'. */
  type?: EventType;
  name: string;
  userId: string | null;
  anonymousId: string | null;
  properties: Record<string, unknown>;
  /** The sender's context (library, page, user agent…), stored as sent. */
  context?: Record<string, unknown> | null;
  ts: Date;
  /** Identity change carried by identify, group and alias calls. */
  identity?: IdentityOp;
}

/** The instants an ISO 8601 date names (years 0000–9999): what the schemas accept and PostgreSQL stores. */
const EARLIEST = Date.parse('0000-01-01T00:00:00.000Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * Moves a client timestamp (ms) onto the server's clock: `receivedAt − (sentAt − timestamp)`, so
 * a device whose clock is hours off still records when things happened. A correction that would
 * leave years 0000–9999 (a sentAt millennia away from its timestamp) keeps the time as sent:
 * such a row would fail the whole flush, other senders' events included.
 */
export function correctSkew(timestampMs: number, sentAtMs: number, receivedAt: Date): Date {
  const corrected = receivedAt.getTime() - (sentAtMs - timestampMs);
  return new Date(corrected >= EARLIEST && corrected <= LATEST ? corrected : timestampMs);
}

export function toRow(event: SdkEvent, user: SdkUser, sentAt: string, receivedAt: Date): EventRow {
  const common = {
    messageId: event.messageId,
    userId: user.userId ?? null,
    anonymousId: user.anonymousId,
    ts: correctSkew(Date.parse(event.timestamp), Date.parse(sentAt), receivedAt),
  };
  switch (event.type) {
    case 'track':
      return { ...common, name: event.event, properties: event.properties };
    case 'page':
      return { ...common, type: 'page', name: '$page', properties: event.properties };
    case 'content': {
      const { contentId, versionId, stepId } = event;
      const properties = {
        ...event.properties,
        contentId,
        versionId,
        ...(stepId ? { stepId } : {}),
      };
      return { ...common, type: 'content', name: contentEventName(event.action), properties };
    }
    case 'exposure': {
      const { experimentId, contentId, variant } = event;
      const properties = {
        ...event.properties,
        experimentId,
        contentId,
        ...(variant === undefined ? {} : { variant }),
      };
      return { ...common, type: 'exposure', name: EXPOSURE_EVENT, properties };
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

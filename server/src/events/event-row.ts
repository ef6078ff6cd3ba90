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

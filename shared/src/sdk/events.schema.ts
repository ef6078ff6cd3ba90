import * as z from 'zod';
import {
  SdkContextSchema,
  SdkUserSchema,
  JsonValueSchema,
  TraitsSchema,
} from './session.schema.js';
import { EligibleContentSchema } from './session.schema.js';

const Properties = z.record(z.string().min(1).max(200), JsonValueSchema).default({});

const base = {
  /** Unique per event; the server deduplicates on it, so retries are safe. */
  messageId: z.string().min(8).max(100),
  /** When it happened on the client's clock; corrected for skew with `sentAt`. */
  timestamp: z.iso.datetime({ offset: true }),
};

export const ContentActionSchema = z.enum([
  'shown',
  'step_viewed',
  'completed',
  'dismissed',
  'target_missing',
]);
export type ContentAction = z.infer<typeof ContentActionSchema>;

export const SdkEventSchema = z
  .discriminatedUnion('type', [
    z.object({
      ...base,
      type: z.literal('track'),
      event: z.string().min(1).max(200),
      properties: Properties,
    }),
    z.object({ ...base, type: z.literal('page'), properties: Properties }),
    z.object({
      ...base,
      type: z.literal('content'),
      action: ContentActionSchema,
      contentId: z.uuid(),
      versionId: z.uuid(),
      stepId: z.string().max(64).optional(),
      properties: Properties,
    }),
    /**
     * The user reached the trigger point of experiment content: shown for a variant, or the
     * moment it would have shown for the holdout. Recorded once per user and experiment; the
     * arm and version stored are the server's own assignment, not the client's claim.
     */
    z.object({
      ...base,
      type: z.literal('exposure'),
      experimentId: z.uuid(),
      contentId: z.uuid(),
      variant: z.string().max(64).optional(),
      properties: Properties,
    }),
  ])
  .meta({ id: 'SdkEvent' });
export type SdkEvent = z.infer<typeof SdkEventSchema>;

/** The stored name of exposure events. */
export const EXPOSURE_EVENT = '$exposure';

/** Stored event names for content events, so they read well next to track events. */
export const contentEventName = (action: ContentAction): string => `$content_${action}`;

/**
 * A batch from the SDK. Events are checked one by one on the server so a malformed event is
 * rejected alone; the envelope is validated here.
 */
export const EventsRequestSchema = z
  .object({
    user: SdkUserSchema,
    sentAt: z.iso.datetime({ offset: true }),
    events: z.array(z.unknown()).min(1).max(500),
    /** The page and traits, so content that becomes eligible is answered for the right user. */
    context: SdkContextSchema.optional(),
    traits: TraitsSchema.optional(),
    userHash: z.string().max(200).optional(),
  })
  .meta({ id: 'EventsRequest' });
export type EventsRequest = z.infer<typeof EventsRequestSchema>;

export const RejectedEventSchema = z.object({
  index: z.int(),
  messageId: z.string().optional(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
});

export const EventsResponseSchema = z
  .object({
    accepted: z.int(),
    rejected: z.array(RejectedEventSchema),
    /** Content that became eligible because of these events. */
    content: z.array(EligibleContentSchema),
  })
  .meta({ id: 'EventsResponse' });
export type EventsResponse = z.infer<typeof EventsResponseSchema>;

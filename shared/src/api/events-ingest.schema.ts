import * as z from 'zod';

/**
 * The Segment HTTP Tracking API, as `@segment/analytics-node` and analytics.js send it. Unknown
 * fields are allowed (clients add `_metadata`, `integrations`, …) and ignored.
 */

/** Segment allows numeric ids; they are stored as text. */
const SegmentId = z
  .union([z.string().min(1).max(200), z.number().transform(String)])
  .pipe(z.string().min(1).max(200));
const Timestamp = z.iso.datetime({ offset: true });
const Dict = z.record(z.string().min(1).max(200), z.json());

const common = {
  /** Optional in Segment; without it the server derives one from the content, so retries dedupe. */
  messageId: z.string().min(1).max(200).optional(),
  timestamp: Timestamp.optional(),
  originalTimestamp: Timestamp.optional(),
  sentAt: Timestamp.optional(),
  userId: SegmentId.nullish(),
  anonymousId: SegmentId.nullish(),
  context: Dict.optional(),
};

const variants = {
  track: z.looseObject({
    ...common,
    type: z.literal('track'),
    event: z.string().min(1).max(200),
    properties: Dict.default({}),
  }),
  identify: z.looseObject({ ...common, type: z.literal('identify'), traits: Dict.default({}) }),
  page: z.looseObject({
    ...common,
    type: z.literal('page'),
    name: z.string().max(200).nullish(),
    category: z.string().max(200).nullish(),
    properties: Dict.default({}),
  }),
  screen: z.looseObject({
    ...common,
    type: z.literal('screen'),
    name: z.string().max(200).nullish(),
    properties: Dict.default({}),
  }),
  group: z.looseObject({
    ...common,
    type: z.literal('group'),
    groupId: SegmentId,
    traits: Dict.default({}),
  }),
  alias: z.looseObject({ ...common, type: z.literal('alias'), previousId: SegmentId }),
};

export const SegmentMessageSchema = z
  .discriminatedUnion('type', [
    variants.track,
    variants.identify,
    variants.page,
    variants.screen,
    variants.group,
    variants.alias,
  ])
  .refine((m) => Boolean(m.userId) || Boolean(m.anonymousId), {
    message: 'Send a userId or an anonymousId.',
    path: ['userId'],
  })
  .refine((m) => m.type !== 'alias' || Boolean(m.userId), {
    message: 'alias needs the new userId.',
    path: ['userId'],
  })
  .meta({ id: 'SegmentMessage' });
export type SegmentMessage = z.infer<typeof SegmentMessageSchema>;
export type SegmentMessageType = SegmentMessage['type'];

/** The body of a single call on its own path (`/v1/track`…): `type` may be left out. */
export const segmentCallSchema = <T extends SegmentMessageType>(type: T) =>
  variants[type].extend({ type: z.literal(type).optional() });

/** The envelope of `/v1/batch`; each message is validated alone so one bad event is dropped alone. */
export const SegmentBatchSchema = z
  .looseObject({
    batch: z.array(z.unknown()).min(1).max(2500),
    sentAt: Timestamp.optional(),
    context: Dict.optional(),
    writeKey: z.string().max(200).optional(),
  })
  .meta({ id: 'SegmentBatch' });
export type SegmentBatch = z.infer<typeof SegmentBatchSchema>;

export const IngestRejectedSchema = z.object({
  index: z.int(),
  messageId: z.string().optional(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
});

/** Answer of every ingestion call, sent only after the accepted events are committed. */
export const IngestResponseSchema = z
  .object({
    success: z.literal(true),
    accepted: z.int(),
    rejected: z.array(IngestRejectedSchema),
  })
  .meta({ id: 'IngestResponse' });
export type IngestResponse = z.infer<typeof IngestResponseSchema>;

/** 32 KB per event and 500 KB per batch, Segment's own limits. */
export const INGEST_LIMITS = { eventBytes: 32 * 1024, batchBytes: 500 * 1024 } as const;

import * as z from 'zod';
import { JsonValueSchema } from '../sdk/session.schema.js';

export const EventsExportQuerySchema = z
  .object({
    userId: z.string().min(1).max(200).optional(),
    anonymousId: z.string().min(1).max(200).optional(),
    name: z.string().min(1).max(200).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    /** Opaque; pass `nextCursor` from the previous page. */
    cursor: z.string().max(200).optional(),
  })
  .meta({ id: 'EventsExportQuery' });
export type EventsExportQuery = z.infer<typeof EventsExportQuerySchema>;

export const StoredEventSchema = z
  .object({
    messageId: z.string(),
    name: z.string(),
    userId: z.string().nullable(),
    anonymousId: z.string().nullable(),
    properties: z.record(z.string(), JsonValueSchema),
    timestamp: z.string(),
    receivedAt: z.string(),
  })
  .meta({ id: 'StoredEvent' });
export type StoredEvent = z.infer<typeof StoredEventSchema>;

export const EventsExportResponseSchema = z
  .object({ data: z.array(StoredEventSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'EventsExportResponse' });
export type EventsExportResponse = z.infer<typeof EventsExportResponseSchema>;

import { z } from 'zod';
import type { RouteContract } from './contract.js';
import {
  IngestResponseSchema,
  SegmentBatchSchema,
  segmentCallSchema,
  type SegmentMessageType,
} from './events-ingest.schema.js';
import {
  GoalInputSchema,
  GoalListSchema,
  GoalSchema,
  GoalStatsQuerySchema,
  GoalStatsSchema,
} from './goals.schema.js';
import { UserExportParamsSchema, UserExportSchema } from './identity.schema.js';
import {
  JourneyInputSchema,
  JourneyListSchema,
  JourneySchema,
  JourneyStatsQuerySchema,
  JourneyStatsSchema,
} from './journeys.schema.js';
import {
  SegmentDeletedSchema,
  SegmentIdParamsSchema,
  SegmentInputSchema,
  SegmentListSchema,
  SegmentMembersPageSchema,
  SegmentMembersQuerySchema,
  SegmentPreviewRequestSchema,
  SegmentPreviewSchema,
  SegmentRefreshResultSchema,
  SegmentSchema,
} from './segments.schema.js';

const segmentCall = <T extends SegmentMessageType>(type: T) =>
  ({
    method: 'POST',
    path: `/v1/${type}`,
    summary: `Segment-compatible ${type} call (also /v1/${type[0]}); the secret key is the write key (Basic auth or writeKey).`,
    tag: 'ingest',
    auth: 'secret-key',
    body: segmentCallSchema(type),
    response: IngestResponseSchema,
  }) as const;

const crud = <I extends z.ZodType, O extends z.ZodType, L extends z.ZodType>(
  name: string,
  path: string,
  input: I,
  output: O,
  list: L,
) =>
  ({
    list: {
      method: 'GET',
      path,
      summary: `List ${name}s.`,
      tag: name,
      auth: 'secret-key',
      response: list,
    },
    create: {
      method: 'POST',
      path,
      summary: `Create a ${name}; it is computed for every user before the answer.`,
      tag: name,
      auth: 'secret-key',
      body: input,
      response: output,
      status: 201,
    },
    get: {
      method: 'GET',
      path: `${path}/{id}`,
      summary: `One ${name}.`,
      tag: name,
      auth: 'secret-key',
      params: SegmentIdParamsSchema,
      response: output,
    },
    update: {
      method: 'PUT',
      path: `${path}/{id}`,
      summary: `Replace a ${name}; recomputed before the answer.`,
      tag: name,
      auth: 'secret-key',
      params: SegmentIdParamsSchema,
      body: input,
      response: output,
    },
    remove: {
      method: 'DELETE',
      path: `${path}/{id}`,
      summary: `Delete a ${name} and its computed state.`,
      tag: name,
      auth: 'secret-key',
      params: SegmentIdParamsSchema,
      response: SegmentDeletedSchema,
    },
    refresh: {
      method: 'POST',
      path: `${path}/{id}/refresh`,
      summary: `Recompute a ${name} for every user now; answers when done.`,
      tag: name,
      auth: 'secret-key',
      params: SegmentIdParamsSchema,
      response: SegmentRefreshResultSchema,
    },
  }) as const;

const segments = crud(
  'segment',
  '/api/v1/segments',
  SegmentInputSchema,
  SegmentSchema,
  SegmentListSchema,
);
const goals = crud('goal', '/api/v1/goals', GoalInputSchema, GoalSchema, GoalListSchema);
const journeys = crud(
  'journey',
  '/api/v1/journeys',
  JourneyInputSchema,
  JourneySchema,
  JourneyListSchema,
);

/** Routes of events, identity, segments, goals and journeys; spread into `contract`. */
export const eventsRoutes = {
  ingestBatch: {
    method: 'POST',
    path: '/v1/batch',
    summary:
      'Segment-compatible batch (also /v1/b and /v1/import): each event is checked alone; 2xx only after commit.',
    tag: 'ingest',
    auth: 'secret-key',
    body: SegmentBatchSchema,
    response: IngestResponseSchema,
  },
  ingestTrack: segmentCall('track'),
  ingestIdentify: segmentCall('identify'),
  ingestPage: segmentCall('page'),
  ingestScreen: segmentCall('screen'),
  ingestGroup: segmentCall('group'),
  ingestAlias: segmentCall('alias'),
  userExport: {
    method: 'GET',
    path: '/api/v1/users/{id}',
    summary:
      'One end user by userId (else anonymousId): traits, companies, segments, journey stages, goals.',
    tag: 'export',
    auth: 'secret-key',
    params: UserExportParamsSchema,
    response: UserExportSchema,
  },
  segmentList: segments.list,
  segmentCreate: segments.create,
  segmentGet: segments.get,
  segmentUpdate: segments.update,
  segmentDelete: segments.remove,
  segmentRefresh: segments.refresh,
  segmentPreview: {
    method: 'POST',
    path: '/api/v1/segments/preview',
    summary: 'While editing: how many users a rule holds for now, and a sample of them.',
    tag: 'segment',
    auth: 'secret-key',
    body: SegmentPreviewRequestSchema,
    response: SegmentPreviewSchema,
  },
  segmentMembers: {
    method: 'GET',
    path: '/api/v1/segments/{id}/members',
    summary: 'Current members, paged by cursor.',
    tag: 'segment',
    auth: 'secret-key',
    params: SegmentIdParamsSchema,
    query: SegmentMembersQuerySchema,
    response: SegmentMembersPageSchema,
  },
  segmentMembersCsv: {
    method: 'GET',
    path: '/api/v1/segments/{id}/members.csv',
    summary: 'Current members as CSV (endUserId, userId, anonymousId, enteredAt).',
    tag: 'segment',
    auth: 'secret-key',
    params: SegmentIdParamsSchema,
    response: z.string(),
  },
  goalList: goals.list,
  goalCreate: goals.create,
  goalGet: goals.get,
  goalUpdate: goals.update,
  goalDelete: goals.remove,
  goalRefresh: goals.refresh,
  goalStats: {
    method: 'GET',
    path: '/api/v1/goals/{id}/stats',
    summary: 'Completion rate over time.',
    tag: 'goal',
    auth: 'secret-key',
    params: SegmentIdParamsSchema,
    query: GoalStatsQuerySchema,
    response: GoalStatsSchema,
  },
  journeyList: journeys.list,
  journeyCreate: journeys.create,
  journeyGet: journeys.get,
  journeyUpdate: journeys.update,
  journeyDelete: journeys.remove,
  journeyRefresh: journeys.refresh,
  journeyStats: {
    method: 'GET',
    path: '/api/v1/journeys/{id}/stats',
    summary: 'Per stage: current users, entries, conversion to the next, time in stage, stalls.',
    tag: 'journey',
    auth: 'secret-key',
    params: SegmentIdParamsSchema,
    query: JourneyStatsQuerySchema,
    response: JourneyStatsSchema,
  },
} as const satisfies Record<string, RouteContract>;

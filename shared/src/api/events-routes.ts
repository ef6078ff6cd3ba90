import * as z from 'zod';
import type { RouteContract } from './contract.js';
import { WorkspaceParamsSchema } from './content.schema.js';
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

/** `{workspaceId}` then `{id}`: a definition reached through a builder session. */
export const WorkspaceDefinitionParamsSchema = WorkspaceParamsSchema.extend({ id: z.uuid() });

/**
 * The two doors to segments, goals and journeys: `key` (server-to-server, `/api/v1/<plural>`,
 * the secret key as Bearer) and `session` (the builder, `/api/workspaces/{workspaceId}/<plural>`,
 * viewers read and editors write). One generator makes both, so they cannot drift; the server
 * serves both with one controller per concept.
 */
type Door = 'key' | 'session';

const door = (d: Door, plural: string) =>
  d === 'key'
    ? {
        base: `/api/v1/${plural}`,
        auth: 'secret-key' as const,
        collection: {},
        item: { params: SegmentIdParamsSchema },
        who: '',
      }
    : {
        base: `/api/workspaces/{workspaceId}/${plural}`,
        auth: 'session' as const,
        collection: { params: WorkspaceParamsSchema },
        item: { params: WorkspaceDefinitionParamsSchema },
        who: ' (viewers read; editors change)',
      };

const crud = <I extends z.ZodType, O extends z.ZodType, L extends z.ZodType>(
  d: Door,
  name: string,
  plural: string,
  input: I,
  output: O,
  list: L,
) => {
  const { base, auth, collection, item, who } = door(d, plural);
  return {
    list: {
      method: 'GET',
      path: base,
      summary: `List ${name}s${who}.`,
      tag: name,
      auth,
      ...collection,
      response: list,
    },
    create: {
      method: 'POST',
      path: base,
      summary: `Create a ${name}; it is computed for every user before the answer.`,
      tag: name,
      auth,
      ...collection,
      body: input,
      response: output,
      status: 201,
    },
    get: {
      method: 'GET',
      path: `${base}/{id}`,
      summary: `One ${name}.`,
      tag: name,
      auth,
      ...item,
      response: output,
    },
    update: {
      method: 'PUT',
      path: `${base}/{id}`,
      summary: `Replace a ${name}; recomputed before the answer.`,
      tag: name,
      auth,
      ...item,
      body: input,
      response: output,
    },
    remove: {
      method: 'DELETE',
      path: `${base}/{id}`,
      summary: `Delete a ${name} and its computed state.`,
      tag: name,
      auth,
      ...item,
      response: SegmentDeletedSchema,
    },
    refresh: {
      method: 'POST',
      path: `${base}/{id}/refresh`,
      summary: `Recompute a ${name} for every user now; answers when done.`,
      tag: name,
      auth,
      ...item,
      response: SegmentRefreshResultSchema,
    },
  } as const;
};

/** Segments: CRUD plus preview while editing, members by cursor and as CSV. */
const segmentRoutes = (d: Door) => {
  const { base, auth, collection, item } = door(d, 'segments');
  return {
    ...crud(d, 'segment', 'segments', SegmentInputSchema, SegmentSchema, SegmentListSchema),
    preview: {
      method: 'POST',
      path: `${base}/preview`,
      summary: 'While editing: how many users a rule holds for now, and a sample of them.',
      tag: 'segment',
      auth,
      ...collection,
      body: SegmentPreviewRequestSchema,
      response: SegmentPreviewSchema,
    },
    members: {
      method: 'GET',
      path: `${base}/{id}/members`,
      summary: 'Current members, paged by cursor.',
      tag: 'segment',
      auth,
      ...item,
      query: SegmentMembersQuerySchema,
      response: SegmentMembersPageSchema,
    },
    membersCsv: {
      method: 'GET',
      path: `${base}/{id}/members.csv`,
      summary: 'Current members as CSV (endUserId, userId, anonymousId, enteredAt).',
      tag: 'segment',
      auth,
      ...item,
      response: z.string(),
    },
  } as const;
};

const goalRoutes = (d: Door) => {
  const { base, auth, item } = door(d, 'goals');
  return {
    ...crud(d, 'goal', 'goals', GoalInputSchema, GoalSchema, GoalListSchema),
    stats: {
      method: 'GET',
      path: `${base}/{id}/stats`,
      summary: 'Completion rate over time.',
      tag: 'goal',
      auth,
      ...item,
      query: GoalStatsQuerySchema,
      response: GoalStatsSchema,
    },
  } as const;
};

const journeyRoutes = (d: Door) => {
  const { base, auth, item } = door(d, 'journeys');
  return {
    ...crud(d, 'journey', 'journeys', JourneyInputSchema, JourneySchema, JourneyListSchema),
    stats: {
      method: 'GET',
      path: `${base}/{id}/stats`,
      summary: 'Per stage: current users, entries, conversion to the next, time in stage, stalls.',
      tag: 'journey',
      auth,
      ...item,
      query: JourneyStatsQuerySchema,
      response: JourneyStatsSchema,
    },
  } as const;
};

const segments = segmentRoutes('key');
const goals = goalRoutes('key');
const journeys = journeyRoutes('key');
const wsSegments = segmentRoutes('session');
const wsGoals = goalRoutes('session');
const wsJourneys = journeyRoutes('session');

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
  segmentPreview: segments.preview,
  segmentMembers: segments.members,
  segmentMembersCsv: segments.membersCsv,
  goalList: goals.list,
  goalCreate: goals.create,
  goalGet: goals.get,
  goalUpdate: goals.update,
  goalDelete: goals.remove,
  goalRefresh: goals.refresh,
  goalStats: goals.stats,
  journeyList: journeys.list,
  journeyCreate: journeys.create,
  journeyGet: journeys.get,
  journeyUpdate: journeys.update,
  journeyDelete: journeys.remove,
  journeyRefresh: journeys.refresh,
  journeyStats: journeys.stats,
  // The same routes for the builder, through the session (`/api/workspaces/{workspaceId}/…`).
  wsSegmentList: wsSegments.list,
  wsSegmentCreate: wsSegments.create,
  wsSegmentGet: wsSegments.get,
  wsSegmentUpdate: wsSegments.update,
  wsSegmentDelete: wsSegments.remove,
  wsSegmentRefresh: wsSegments.refresh,
  wsSegmentPreview: wsSegments.preview,
  wsSegmentMembers: wsSegments.members,
  wsSegmentMembersCsv: wsSegments.membersCsv,
  wsGoalList: wsGoals.list,
  wsGoalCreate: wsGoals.create,
  wsGoalGet: wsGoals.get,
  wsGoalUpdate: wsGoals.update,
  wsGoalDelete: wsGoals.remove,
  wsGoalRefresh: wsGoals.refresh,
  wsGoalStats: wsGoals.stats,
  wsJourneyList: wsJourneys.list,
  wsJourneyCreate: wsJourneys.create,
  wsJourneyGet: wsJourneys.get,
  wsJourneyUpdate: wsJourneys.update,
  wsJourneyDelete: wsJourneys.remove,
  wsJourneyRefresh: wsJourneys.refresh,
  wsJourneyStats: wsJourneys.stats,
} as const satisfies Record<string, RouteContract>;

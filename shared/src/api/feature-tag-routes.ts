import * as z from 'zod';
import { WorkspaceParamsSchema } from './content.schema.js';
import type { RouteContract } from './contract.js';
import {
  FeatureTagInputSchema,
  FeatureTagListSchema,
  FeatureTagParamsSchema,
  FeatureTagRecordSchema,
} from './feature-tag.schema.js';

const session = { tag: 'feature-tags', auth: 'session' } as const;
const COLLECTION = '/api/workspaces/{workspaceId}/feature-tags';
const ONE = `${COLLECTION}/{featureTagId}`;

/** Feature tags (spread into `contract`): viewers read, editors write; every change audited. */
export const featureTagRoutes = {
  featureTagList: {
    method: 'GET',
    path: COLLECTION,
    summary: 'Feature tags, by name, each with its event count over the last 30 days (any member).',
    ...session,
    params: WorkspaceParamsSchema,
    response: FeatureTagListSchema,
  },
  featureTagCreate: {
    method: 'POST',
    path: COLLECTION,
    summary: 'Create a click or page feature tag; the SDK delivers it at once (editor).',
    ...session,
    params: WorkspaceParamsSchema,
    body: FeatureTagInputSchema,
    response: FeatureTagRecordSchema,
    status: 201,
  },
  featureTagGet: {
    method: 'GET',
    path: ONE,
    summary: 'One feature tag with its 30-day event count (any member).',
    ...session,
    params: FeatureTagParamsSchema,
    response: FeatureTagRecordSchema,
  },
  featureTagUpdate: {
    method: 'PUT',
    path: ONE,
    summary: 'Replace a feature tag’s name, kind, target and URL (editor).',
    ...session,
    params: FeatureTagParamsSchema,
    body: FeatureTagInputSchema,
    response: FeatureTagRecordSchema,
  },
  featureTagDelete: {
    method: 'DELETE',
    path: ONE,
    summary: 'Delete a feature tag; events it sent stay (editor).',
    ...session,
    params: FeatureTagParamsSchema,
    response: z.object({ ok: z.literal(true) }),
  },
} as const satisfies Record<string, RouteContract>;

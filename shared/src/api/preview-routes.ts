import { ContentParamsSchema } from './content.schema.js';
import type { RouteContract } from './contract.js';
import {
  PreviewContentSchema,
  PreviewQuerySchema,
  PreviewTokenCreatedSchema,
} from './preview.schema.js';

/**
 * Draft previews on the customer's app (spread into `contract`). The token travels in the query,
 * not the path, and the read needs the workspace's SDK key too: a token opens only its own
 * workspace's draft, and has no list route (only its SHA-256 is stored).
 */
export const previewRoutes = {
  contentPreviewCreate: {
    method: 'POST',
    path: '/api/workspaces/{workspaceId}/content/{contentId}/preview',
    summary:
      'A one-time preview token for the item’s draft (else its latest version), valid for an hour: open the app at `#waymark-preview=<token>` (editor).',
    tag: 'content',
    auth: 'session',
    params: ContentParamsSchema,
    response: PreviewTokenCreatedSchema,
    status: 201,
  },
  sdkPreview: {
    method: 'GET',
    path: '/sdk/v1/preview',
    summary:
      'The draft a preview token opens, for the widget in builder mode; 404 for unknown or expired tokens.',
    tag: 'sdk',
    auth: 'sdk-key',
    query: PreviewQuerySchema,
    response: PreviewContentSchema,
  },
} as const satisfies Record<string, RouteContract>;

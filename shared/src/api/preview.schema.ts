// Schemas of the draft-preview routes: an editor asks for a one-time link token for an item, and
// the widget on the customer's app (builder mode) reads that item's draft with it.
import * as z from 'zod';
import { ContentDefinitionSchema } from '../content/content.schema.js';
import { ThemeSchema } from '../content/theme.schema.js';

/** A preview token: 32 random bytes, base64url (43 characters). */
export const PreviewTokenSchema = z
  .string()
  .regex(/^[\w-]{43}$/, 'A preview token is 43 characters of A–Z, a–z, 0–9, - and _.');

/** What `POST …/content/{contentId}/preview` answers: open `appUrl#waymark-preview=<token>`. */
export const PreviewTokenCreatedSchema = z
  .object({
    token: PreviewTokenSchema,
    /** ISO 8601; about an hour after creation. */
    expiresAt: z.string(),
  })
  .meta({ id: 'PreviewTokenCreated' });
export type PreviewTokenCreated = z.infer<typeof PreviewTokenCreatedSchema>;

/** `GET /sdk/v1/preview?token=…` (with the workspace's SDK key). */
export const PreviewQuerySchema = z.object({ token: PreviewTokenSchema });
export type PreviewQuery = z.infer<typeof PreviewQuerySchema>;

/** The item's draft (else its latest version), with its shared theme merged under its own. */
export const PreviewContentSchema = z
  .object({
    contentId: z.uuid(),
    definition: ContentDefinitionSchema,
    theme: ThemeSchema.optional(),
  })
  .meta({ id: 'PreviewContent' });
export type PreviewContent = z.infer<typeof PreviewContentSchema>;

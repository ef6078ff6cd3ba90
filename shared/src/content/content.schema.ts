import { z } from 'zod';
import { FlowDefinitionSchema } from './flow.schema.js';

export const ContentKindSchema = z.enum(['flow', 'checklist', 'banner', 'survey', 'launcher']);
export type ContentKind = z.infer<typeof ContentKindSchema>;

export const ContentStatusSchema = z.enum(['draft', 'published', 'archived']);
export type ContentStatus = z.infer<typeof ContentStatusSchema>;

/**
 * A content definition, discriminated by `kind`. Flows exist today; checklists, banners, surveys
 * and launchers join this union as the widget learns to render them.
 */
export const ContentDefinitionSchema = FlowDefinitionSchema;
export type ContentDefinition = z.infer<typeof ContentDefinitionSchema>;

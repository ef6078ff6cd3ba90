import * as z from 'zod';
import { BannerDefinitionSchema } from './banner.schema.js';
import { ChecklistDefinitionSchema } from './checklist.schema.js';
import { FlowDefinitionSchema } from './flow.schema.js';
import { LauncherDefinitionSchema } from './launcher.schema.js';
import { SurveyDefinitionSchema } from './survey.schema.js';

export const ContentKindSchema = z.enum(['flow', 'checklist', 'banner', 'survey', 'launcher']);
export type ContentKind = z.infer<typeof ContentKindSchema>;

export const ContentStatusSchema = z.enum(['draft', 'published', 'archived']);
export type ContentStatus = z.infer<typeof ContentStatusSchema>;

/** A content definition, discriminated by `kind`: what the widget renders. */
export const ContentDefinitionSchema = z
  .discriminatedUnion('kind', [
    FlowDefinitionSchema,
    ChecklistDefinitionSchema,
    BannerDefinitionSchema,
    SurveyDefinitionSchema,
    LauncherDefinitionSchema,
  ])
  .meta({ id: 'ContentDefinition' });
export type ContentDefinition = z.infer<typeof ContentDefinitionSchema>;
/** What authors (and templates) may write: defaults may be left out. */
export type ContentDefinitionInput = z.input<typeof ContentDefinitionSchema>;

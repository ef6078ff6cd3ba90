import * as z from 'zod';
import { ThemeSchema } from '../content/theme.schema.js';
import { WorkspaceParamsSchema } from './content.schema.js';

/** A theme saved once and referenced by many content items (`themeId`). */
export const ThemeRecordSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    theme: ThemeSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ThemeRecord' });
export type ThemeRecord = z.infer<typeof ThemeRecordSchema>;

export const ThemeCreateSchema = z
  .object({ name: z.string().trim().min(1).max(100), theme: ThemeSchema })
  .strict()
  .meta({ id: 'ThemeCreate' });
export type ThemeCreate = z.infer<typeof ThemeCreateSchema>;

export const ThemeUpdateSchema = ThemeCreateSchema.partial().strict().meta({ id: 'ThemeUpdate' });
export type ThemeUpdate = z.infer<typeof ThemeUpdateSchema>;

export const ThemeListResponseSchema = z
  .object({ data: z.array(ThemeRecordSchema) })
  .meta({ id: 'ThemeList' });

export const ThemeParamsSchema = WorkspaceParamsSchema.extend({ themeId: z.uuid() });
export type ThemeParams = z.infer<typeof ThemeParamsSchema>;

import * as z from 'zod';
import { ThemeSchema } from './theme.schema.js';

/**
 * Per-locale strings, keyed by the source text they replace: `{ "fr": { "Next": "Suivant" } }`.
 * Keyed by text rather than by position, so reordering steps or blocks never detaches a
 * translation. The widget's own labels ("Close", "Next", "Done", "Submit", …) translate the same
 * way. See `localize` for the fallback order.
 */
export const TranslationsSchema = z
  .record(z.string().min(2).max(35), z.record(z.string().max(5000), z.string().max(5000)))
  .meta({ id: 'Translations' });
export type Translations = z.infer<typeof TranslationsSchema>;

/** Fields every content definition carries besides its `kind`-specific ones. */
export const presentationFields = {
  theme: ThemeSchema.optional(),
  translations: TranslationsSchema.optional(),
};

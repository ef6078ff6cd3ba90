import * as z from 'zod';

/**
 * An element target is a fingerprint of several signals, resolved by best match, so a redesign that
 * breaks one signal (a renamed class, moved markup) does not break a tour.
 */
export const ElementTargetSchema = z
  .object({
    /** Stable attributes: data-*, aria-label, name, ids that do not look generated. */
    attributes: z.record(z.string().min(1).max(100), z.string().max(500)).default({}),
    tag: z.string().min(1).max(40).optional(),
    role: z.string().max(60).optional(),
    /** Accessible name or visible text, trimmed and whitespace-collapsed. */
    text: z.string().max(200).optional(),
    /** Structural CSS path from the nearest stable ancestor. */
    path: z.string().max(1000).optional(),
    /** An author-written CSS selector; when present it is tried first. */
    selector: z.string().max(1000).optional(),
  })
  .meta({ id: 'ElementTarget' });
export type ElementTarget = z.infer<typeof ElementTargetSchema>;

export const PlacementSchema = z.enum([
  'auto',
  'top',
  'top-start',
  'top-end',
  'bottom',
  'bottom-start',
  'bottom-end',
  'left',
  'left-start',
  'left-end',
  'right',
  'right-start',
  'right-end',
]);
export type Placement = z.infer<typeof PlacementSchema>;

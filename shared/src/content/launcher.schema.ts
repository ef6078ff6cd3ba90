import * as z from 'zod';
import { BlockSchema } from './block.schema.js';
import { presentationFields } from './locale.schema.js';
import { ElementTargetSchema, PlacementSchema } from './target.schema.js';

/**
 * A persistent entry point: a labelled button in a corner, or an icon/beacon beside an element,
 * that opens a popover of blocks (help, "what's new", a button starting a tour).
 */
export const LauncherDefinitionSchema = z
  .object({
    kind: z.literal('launcher'),
    /** Visible text of a `button`; the accessible name of an `icon` or `beacon`. */
    label: z.string().min(1).max(60),
    style: z.enum(['button', 'icon', 'beacon']).default('button'),
    /** Beside this element; absent: fixed in `position`. */
    target: ElementTargetSchema.optional(),
    position: z.enum(['bottom-right', 'bottom-left']).default('bottom-right'),
    /** Where the popover opens relative to the launcher. */
    placement: PlacementSchema.default('auto'),
    blocks: z.array(BlockSchema).min(1).max(30),
    ...presentationFields,
  })
  .meta({ id: 'LauncherDefinition' });
export type LauncherDefinition = z.infer<typeof LauncherDefinitionSchema>;

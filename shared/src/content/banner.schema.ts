import * as z from 'zod';
import { BlockSchema } from './block.schema.js';
import { presentationFields } from './locale.schema.js';

export const BannerDefinitionSchema = z
  .object({
    kind: z.literal('banner'),
    position: z.enum(['top', 'bottom']).default('top'),
    /** `push` moves the page's content aside; `overlay` floats above it. */
    mode: z.enum(['push', 'overlay']).default('overlay'),
    /** Usually one text block and a button or two; headings render inline. */
    blocks: z.array(BlockSchema).min(1).max(10),
    dismissible: z.boolean().default(true),
    ...presentationFields,
  })
  .meta({ id: 'BannerDefinition' });
export type BannerDefinition = z.infer<typeof BannerDefinitionSchema>;

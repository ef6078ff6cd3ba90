import * as z from 'zod';
import { RuleSchema } from '../rules/rule.schema.js';
import { StartActionSchema, TrackActionSchema, UrlActionSchema } from './block.schema.js';
import { presentationFields } from './locale.schema.js';

const Id = z.string().min(1).max(64);

/** What pressing an item does: start other content, open a page, or record an event. */
export const ChecklistActionSchema = z.discriminatedUnion('type', [
  StartActionSchema,
  UrlActionSchema,
  TrackActionSchema,
]);
export type ChecklistAction = z.infer<typeof ChecklistActionSchema>;

export const ChecklistItemSchema = z
  .object({
    id: Id,
    title: z.string().min(1).max(200),
    description: z.string().max(1000).optional(),
    action: ChecklistActionSchema.optional(),
    /**
     * When the item counts as done. The widget evaluates page, element, device, locale and time
     * conditions, events tracked on this device and content completed; the server reports the
     * rest. Without a rule, pressing the item marks it done.
     */
    doneWhen: RuleSchema.optional(),
  })
  .meta({ id: 'ChecklistItem' });
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

export const ChecklistDefinitionSchema = z
  .object({
    kind: z.literal('checklist'),
    title: z.string().min(1).max(200),
    description: z.string().max(1000).optional(),
    items: z.array(ChecklistItemSchema).min(1).max(20),
    /** The button that opens the panel, with the number of items left. */
    launcher: z
      .object({
        label: z.string().min(1).max(60),
        position: z.enum(['bottom-right', 'bottom-left']).default('bottom-right'),
      })
      .default({ label: 'Get started', position: 'bottom-right' }),
    /** Open the panel the first time the checklist shows (later: as the user left it). */
    openOnStart: z.boolean().default(true),
    /** Shown when every item is done; the checklist then completes. */
    celebration: z
      .object({ heading: z.string().min(1).max(200), text: z.string().max(1000).optional() })
      .optional(),
    dismissible: z.boolean().default(true),
    ...presentationFields,
  })
  .refine((list) => new Set(list.items.map((i) => i.id)).size === list.items.length, {
    message: 'Item ids must be unique.',
    path: ['items'],
  })
  .meta({ id: 'ChecklistDefinition' });
export type ChecklistDefinition = z.infer<typeof ChecklistDefinitionSchema>;

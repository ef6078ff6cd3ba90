import * as z from 'zod';

/** Client-side triggers the widget watches before it shows eligible content. */
export const TriggerSchema = z
  .discriminatedUnion('type', [
    /** Show as soon as the page matches (the default). */
    z.object({ type: z.literal('immediate') }),
    /** URL path match: `*` matches any run of characters, e.g. `/projects/*`. */
    z.object({ type: z.literal('url'), pattern: z.string().min(1).max(500) }),
    z.object({ type: z.literal('event'), event: z.string().min(1).max(200) }),
    z.object({ type: z.literal('delay'), ms: z.int().min(0).max(600_000) }),
    z.object({ type: z.literal('manual') }),
  ])
  .meta({ id: 'Trigger' });
export type Trigger = z.infer<typeof TriggerSchema>;

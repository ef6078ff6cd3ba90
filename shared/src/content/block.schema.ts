import * as z from 'zod';

const Id = z.string().min(1).max(64);

/** Opens a web page (only http and https). */
export const UrlActionSchema = z.object({
  type: z.literal('url'),
  url: z.url({ protocol: /^https?$/ }),
  newTab: z.boolean().default(false),
});
/** Starts other content (by content id). */
export const StartActionSchema = z.object({ type: z.literal('start'), contentId: Id });
/** Records a custom event. */
export const TrackActionSchema = z.object({
  type: z.literal('track'),
  event: z.string().min(1).max(200),
});

/** What a button does when pressed. */
export const ButtonActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('next') }),
  z.object({ type: z.literal('back') }),
  z.object({ type: z.literal('goto'), stepId: Id }),
  z.object({ type: z.literal('dismiss') }),
  z.object({ type: z.literal('complete') }),
  UrlActionSchema,
  StartActionSchema,
  TrackActionSchema,
]);
export type ButtonAction = z.infer<typeof ButtonActionSchema>;

/** Content blocks; text is a safe markdown subset rendered as nodes, never as HTML. */
export const BlockSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('heading'), text: z.string().min(1).max(200) }),
    z.object({ type: z.literal('text'), markdown: z.string().max(5000) }),
    z.object({
      type: z.literal('image'),
      src: z.url({ protocol: /^https?$/ }),
      alt: z.string().max(300),
    }),
    z.object({
      type: z.literal('button'),
      label: z.string().min(1).max(80),
      action: ButtonActionSchema,
      variant: z.enum(['primary', 'secondary', 'link']).default('primary'),
    }),
  ])
  .meta({ id: 'Block' });
export type Block = z.infer<typeof BlockSchema>;

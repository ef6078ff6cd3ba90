import * as z from 'zod';

/** A CSS colour: hex, or rgb()/hsl() with plain numbers. Nothing that could end a declaration. */
const Color = z
  .string()
  .max(40)
  .regex(/^(#[0-9a-fA-F]{3,8}|(rgb|hsl)a?\([\d\s.,%/]+\))$/, 'A hex, rgb() or hsl() colour.');

/**
 * How a content item looks. Every field is optional: unset fields keep the widget's defaults
 * (or the host's `--waymark-*` custom properties). Applied as CSS custom properties inside the
 * widget's shadow root, never to the host page.
 */
export const ThemeSchema = z
  .object({
    /** Buttons, links, progress bars, focus rings. Default `#4f46e5`. */
    accent: Color.optional(),
    /** Text on accent-coloured buttons. Default `#fff`. */
    accentText: Color.optional(),
    /** Surface background. Default `#fff`. */
    background: Color.optional(),
    /** Body text. Default `#1d2433`. */
    text: Color.optional(),
    /** Corner radius of cards in px. Default 12. */
    radius: z.int().min(0).max(32).optional(),
    /** A font-family stack. Default `system-ui, sans-serif`. */
    font: z
      .string()
      .max(200)
      .regex(/^[\w\s,'"-]+$/, 'A font-family list.')
      .optional(),
  })
  .meta({ id: 'Theme' });
export type Theme = z.infer<typeof ThemeSchema>;

import * as z from 'zod';
import { ContentKindSchema } from '../content/content.schema.js';

/** The checks an item passes through, in the order they are reported. */
export const EligibilityCheckSchema = z.enum([
  'status',
  'audience',
  'schedule',
  'frequency',
  'experiment',
  'priority',
]);
export type EligibilityCheck = z.infer<typeof EligibilityCheckSchema>;

/** One line of "why": `fail` makes an item ineligible; `warn` is a note (a priority conflict). */
export const EligibilityReasonSchema = z.object({
  check: EligibilityCheckSchema,
  verdict: z.enum(['pass', 'fail', 'warn']),
  message: z.string(),
});
export type EligibilityReason = z.infer<typeof EligibilityReasonSchema>;

export const ItemEligibilitySchema = z
  .object({
    contentId: z.uuid(),
    name: z.string(),
    kind: ContentKindSchema,
    priority: z.int(),
    /** Delivered to the user: every check passed (warnings allowed). */
    eligible: z.boolean(),
    /** The exact version the user would get; null when nothing would show. */
    versionId: z.uuid().nullable(),
    experiment: z
      .object({
        experimentId: z.uuid(),
        arm: z.enum(['control', 'variant']),
        key: z.string(),
      })
      .nullable(),
    reasons: z.array(EligibilityReasonSchema),
  })
  .meta({ id: 'ItemEligibility' });
export type ItemEligibility = z.infer<typeof ItemEligibilitySchema>;

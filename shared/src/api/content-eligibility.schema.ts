import * as z from 'zod';
import { ItemEligibilitySchema } from '../delivery/eligibility.schema.js';
import { TraitsSchema } from '../sdk/session.schema.js';
import { WorkspaceParamsSchema } from './content.schema.js';

export const EligibilityParamsSchema = WorkspaceParamsSchema.extend({
  userId: z.string().min(1).max(200),
});
export type EligibilityParams = z.infer<typeof EligibilityParamsSchema>;

const traitsJson = z
  .string()
  .max(10_000)
  .transform((text, ctx) => {
    try {
      return TraitsSchema.parse(JSON.parse(text));
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Traits must be a JSON object.' });
      return z.NEVER;
    }
  });

/** The page and traits to explain for; without them, audiences see none (as a bare session). */
export const EligibilityQuerySchema = z
  .object({
    anonymousId: z.string().min(1).max(200).optional(),
    url: z.url().max(4000).optional(),
    locale: z.string().min(2).max(35).optional(),
    /** JSON object of traits, as the SDK would send them. */
    traits: traitsJson.optional(),
  })
  .meta({ id: 'EligibilityQuery' });
export type EligibilityQuery = z.infer<typeof EligibilityQuerySchema>;

export const EligibilityResponseSchema = z
  .object({
    userId: z.string(),
    evaluatedAt: z.string(),
    data: z.array(ItemEligibilitySchema),
  })
  .meta({ id: 'EligibilityResponse' });
export type EligibilityResponse = z.infer<typeof EligibilityResponseSchema>;

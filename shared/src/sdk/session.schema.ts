import * as z from 'zod';
import { ElementTargetSchema } from '../content/target.schema.js';
import { ContentDefinitionSchema, ContentKindSchema } from '../content/content.schema.js';
import { TriggerSchema } from './trigger.schema.js';

export const JsonValueSchema = z.json();

export const TraitsSchema = z.record(z.string().min(1).max(200), JsonValueSchema);
export type Traits = z.infer<typeof TraitsSchema>;

/** Who the SDK speaks for: an anonymous id always, a user id once identified. */
export const SdkUserSchema = z
  .object({
    anonymousId: z.string().min(1).max(200),
    userId: z.string().min(1).max(200).optional(),
  })
  .meta({ id: 'SdkUser' });
export type SdkUser = z.infer<typeof SdkUserSchema>;

export const SdkContextSchema = z.object({
  url: z.url().max(4000),
  locale: z.string().min(2).max(35).optional(),
  viewport: z.object({ width: z.int().min(0), height: z.int().min(0) }).optional(),
  userAgent: z.string().max(1000).optional(),
});
export type SdkContext = z.infer<typeof SdkContextSchema>;

export const SessionRequestSchema = z
  .object({
    user: SdkUserSchema,
    traits: TraitsSchema.default({}),
    /** HMAC-SHA256 of the user id with the workspace's identity secret. */
    userHash: z.string().max(200).optional(),
    context: SdkContextSchema,
  })
  .meta({ id: 'SessionRequest' });
export type SessionRequest = z.infer<typeof SessionRequestSchema>;

export const ProgressSchema = z.object({
  stepId: z.string().optional(),
  status: z.enum(['in_progress', 'completed', 'dismissed']),
  /** Checklist items done, by item id. */
  items: z.array(z.string()).optional(),
  /** Survey answers so far, by question id. */
  answers: z.record(z.string(), JsonValueSchema).optional(),
});
export type Progress = z.infer<typeof ProgressSchema>;

/** One content item the user may see now, resolved to the exact version they would see. */
export const EligibleContentSchema = z
  .object({
    id: z.uuid(),
    versionId: z.uuid(),
    kind: ContentKindSchema,
    name: z.string(),
    priority: z.int(),
    definition: ContentDefinitionSchema,
    triggers: z.array(TriggerSchema),
    progress: ProgressSchema.nullable(),
    /** Set when the item is a variant of a running experiment: report `exposure` when shown. */
    experiment: z.object({ experimentId: z.uuid(), variant: z.string() }).optional(),
  })
  .meta({ id: 'EligibleContent' });
export type EligibleContent = z.infer<typeof EligibleContentSchema>;

/**
 * Content the user would get but is held out of by an experiment. Nothing is shown; when its
 * triggers fire the widget reports an `exposure` event, so the control group is counted at the
 * same moment as the variants.
 */
export const HoldoutContentSchema = z
  .object({
    id: z.uuid(),
    kind: ContentKindSchema,
    priority: z.int(),
    triggers: z.array(TriggerSchema),
    experimentId: z.uuid(),
  })
  .meta({ id: 'HoldoutContent' });
export type HoldoutContent = z.infer<typeof HoldoutContentSchema>;

/**
 * A feature tag: a no-code definition that turns an interaction into a named event. `click`: a
 * click on (or inside) the element the fingerprint `target` resolves to, optionally only on pages
 * whose path matches `url`; `page`: a page view whose path matches `url` (`*` matches any run of
 * characters, as in URL triggers). The widget sends the event `name` with `{ featureTagId }`.
 */
export const FeatureTagSchema = z
  .discriminatedUnion('kind', [
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.literal('click'),
      target: ElementTargetSchema,
      url: z.string().optional(),
    }),
    z.object({ id: z.string(), name: z.string(), kind: z.literal('page'), url: z.string() }),
  ])
  .meta({ id: 'FeatureTag' });
export type FeatureTag = z.infer<typeof FeatureTagSchema>;

export const SessionResponseSchema = z
  .object({
    content: z.array(EligibleContentSchema),
    /** Changes whenever the answer for this user changes (configuration, progress, arm). */
    etag: z.string(),
    holdouts: z.array(HoldoutContentSchema).optional(),
    featureTags: z.array(FeatureTagSchema).optional(),
    /** The locale the definitions were localized to. */
    locale: z.string().optional(),
  })
  .meta({ id: 'SessionResponse' });
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

import * as z from 'zod';

export const UserExportParamsSchema = z.object({ id: z.string().min(1).max(200) });

/** One end user as the export API shows it: identity, traits, companies and computed state. */
export const UserExportSchema = z
  .object({
    /** The internal id of the person (stable across anonymous → identified merges). */
    endUserId: z.uuid(),
    userId: z.string().nullable(),
    anonymousIds: z.array(z.string()),
    traits: z.record(z.string(), z.json()),
    /** When each trait was last set (the event's time). */
    traitTimes: z.record(z.string(), z.string()),
    companies: z.array(
      z.object({ id: z.string(), traits: z.record(z.string(), z.json()), joinedAt: z.string() }),
    ),
    firstSeenAt: z.string().nullable(),
    segments: z.array(z.object({ id: z.uuid(), name: z.string(), enteredAt: z.string() })),
    journeys: z.array(
      z.object({
        journeyId: z.uuid(),
        name: z.string(),
        stageId: z.string(),
        stageName: z.string(),
        since: z.string(),
        /** stageId → when the user first entered it. */
        entered: z.record(z.string(), z.string()),
      }),
    ),
    goals: z.array(z.object({ goalId: z.uuid(), name: z.string(), completedAt: z.string() })),
  })
  .meta({ id: 'UserExport' });
export type UserExport = z.infer<typeof UserExportSchema>;

import { z } from 'zod';
import { BlockSchema } from './block.schema.js';
import { ElementTargetSchema, PlacementSchema } from './target.schema.js';

/** How a step moves on. */
export const AdvanceSchema = z.discriminatedUnion('on', [
  z.object({ on: z.literal('button') }),
  z.object({ on: z.literal('target-click') }),
  z.object({ on: z.literal('event'), event: z.string().min(1).max(200) }),
  z.object({ on: z.literal('url'), pattern: z.string().min(1).max(500) }),
]);
export type Advance = z.infer<typeof AdvanceSchema>;

export const StepSchema = z
  .object({
    id: z.string().min(1).max(64),
    type: z.enum(['tooltip', 'hotspot', 'modal', 'slideout']),
    target: ElementTargetSchema.optional(),
    placement: PlacementSchema.default('auto'),
    blocks: z.array(BlockSchema).min(1).max(30),
    advance: AdvanceSchema.default({ on: 'button' }),
    backdrop: z.boolean().default(false),
  })
  .refine((step) => step.type === 'modal' || step.type === 'slideout' || step.target, {
    message: 'Tooltips and hotspots need an element target.',
    path: ['target'],
  })
  .meta({ id: 'Step' });
export type Step = z.infer<typeof StepSchema>;

export const FlowDefinitionSchema = z
  .object({
    kind: z.literal('flow'),
    steps: z.array(StepSchema).min(1).max(50),
  })
  .refine((flow) => new Set(flow.steps.map((s) => s.id)).size === flow.steps.length, {
    message: 'Step ids must be unique.',
    path: ['steps'],
  })
  .meta({ id: 'FlowDefinition' });
export type FlowDefinition = z.infer<typeof FlowDefinitionSchema>;

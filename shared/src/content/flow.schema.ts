import * as z from 'zod';
import { BlockSchema } from './block.schema.js';
import { presentationFields } from './locale.schema.js';
import { ElementTargetSchema, PlacementSchema } from './target.schema.js';

/** How a step moves on. */
export const AdvanceSchema = z.discriminatedUnion('on', [
  z.object({ on: z.literal('button') }),
  z.object({ on: z.literal('target-click') }),
  z.object({ on: z.literal('event'), event: z.string().min(1).max(200) }),
  z.object({ on: z.literal('url'), pattern: z.string().min(1).max(500) }),
]);
export type Advance = z.infer<typeof AdvanceSchema>;

export const ModalOptionsSchema = z.object({
  size: z.enum(['small', 'medium', 'large']).default('medium'),
  /** A short confetti burst when the step opens (skipped under reduced motion). */
  celebrate: z.boolean().default(false),
});
export type ModalOptions = z.infer<typeof ModalOptionsSchema>;

export const CornerSchema = z.enum(['bottom-right', 'bottom-left', 'top-right', 'top-left']);
export type Corner = z.infer<typeof CornerSchema>;

export const SlideoutOptionsSchema = z.object({ position: CornerSchema.default('bottom-right') });
export type SlideoutOptions = z.infer<typeof SlideoutOptionsSchema>;

export const HotspotOptionsSchema = z.object({
  position: z
    .enum(['top-left', 'top-right', 'bottom-left', 'bottom-right', 'center'])
    .default('top-right'),
});
export type HotspotOptions = z.infer<typeof HotspotOptionsSchema>;

export const StepSchema = z
  .object({
    id: z.string().min(1).max(64),
    type: z.enum(['tooltip', 'hotspot', 'modal', 'slideout']),
    target: ElementTargetSchema.optional(),
    placement: PlacementSchema.default('auto'),
    blocks: z.array(BlockSchema).min(1).max(30),
    advance: AdvanceSchema.default({ on: 'button' }),
    /**
     * Dims the page. On a tooltip it is a spotlight: the target stays lit and clickable, the rest
     * of the page is blocked and Tab stays in the step. Modals always have one.
     */
    backdrop: z.boolean().default(false),
    /** Modal options (welcome, celebration, upsell). Default: medium, no celebration. */
    modal: ModalOptionsSchema.optional(),
    /** Slideout options. Default: bottom-right. */
    slideout: SlideoutOptionsSchema.optional(),
    /** Hotspot options: where the beacon sits on the target. Default: top-right corner. */
    hotspot: HotspotOptionsSchema.optional(),
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
    ...presentationFields,
  })
  .refine((flow) => new Set(flow.steps.map((s) => s.id)).size === flow.steps.length, {
    message: 'Step ids must be unique.',
    path: ['steps'],
  })
  .meta({ id: 'FlowDefinition' });
export type FlowDefinition = z.infer<typeof FlowDefinitionSchema>;

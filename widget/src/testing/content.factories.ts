// Test-data factories with overrides (used by *.test.ts only; never imported by the bundle).
import type {
  BannerDefinition,
  ChecklistDefinition,
  EligibleContent,
  FlowDefinition,
  Step,
  SurveyDefinition,
} from '@waymark/shared';

export const aStep = (overrides: Partial<Step> = {}): Step => ({
  id: 'welcome',
  type: 'modal',
  placement: 'auto',
  blocks: [{ type: 'heading', text: 'Welcome' }],
  advance: { on: 'button' },
  backdrop: false,
  ...overrides,
});

export const aFlow = (...steps: Step[]): FlowDefinition => ({
  kind: 'flow',
  steps: steps.length > 0 ? steps : [aStep()],
});

/** Three modal steps: `one`, `two`, `three`. */
export const threeStepFlow = (): FlowDefinition =>
  aFlow(aStep({ id: 'one' }), aStep({ id: 'two' }), aStep({ id: 'three' }));

export const anItem = (overrides: Partial<EligibleContent> = {}): EligibleContent => ({
  id: '6f1c2a7e-0000-4000-8000-000000000001',
  versionId: '6f1c2a7e-0000-4000-8000-0000000000a1',
  kind: 'flow',
  name: 'Onboarding tour',
  priority: 0,
  definition: threeStepFlow(),
  triggers: [],
  progress: null,
  ...overrides,
});

export const aBanner = (): BannerDefinition => ({
  kind: 'banner',
  position: 'top',
  mode: 'overlay',
  dismissible: true,
  blocks: [{ type: 'text', markdown: 'News' }],
});

export const aChecklist = (): ChecklistDefinition => ({
  kind: 'checklist',
  title: 'Start',
  items: [{ id: 'one', title: 'One' }],
  launcher: { label: 'Start', position: 'bottom-right' },
  openOnStart: true,
  dismissible: true,
});

export const aSurvey = (): SurveyDefinition => ({
  kind: 'survey',
  display: 'popover',
  position: 'bottom-right',
  dismissible: true,
  questions: [{ id: 'q', type: 'csat', prompt: 'Happy?', required: true, branches: [] }],
});

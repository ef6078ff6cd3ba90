import { templates, type ContentDefinition, type ContentKind } from '@waymark/shared';

/** Something to create content from: a template or an empty item of one kind. */
export interface Starter {
  key: string;
  name: string;
  description: string;
  definition: ContentDefinition;
}

/** The smallest valid definition of each kind, for "start blank". */
const blanks: Record<ContentKind, ContentDefinition> = {
  flow: {
    kind: 'flow',
    steps: [
      {
        id: 'step-1',
        type: 'modal',
        placement: 'auto',
        backdrop: true,
        advance: { on: 'button' },
        modal: { size: 'medium', celebrate: false },
        blocks: [
          { type: 'heading', text: 'New step' },
          { type: 'button', label: 'Done', action: { type: 'complete' }, variant: 'primary' },
        ],
      },
    ],
  },
  checklist: {
    kind: 'checklist',
    title: 'Get started',
    items: [{ id: 'item-1', title: 'First task' }],
    launcher: { label: 'Get started', position: 'bottom-right' },
    openOnStart: true,
    dismissible: true,
  },
  banner: {
    kind: 'banner',
    position: 'top',
    mode: 'overlay',
    blocks: [{ type: 'text', markdown: 'Something new is here.' }],
    dismissible: true,
  },
  survey: {
    kind: 'survey',
    display: 'popover',
    position: 'bottom-right',
    questions: [
      {
        id: 'q1',
        type: 'rating',
        prompt: 'How would you rate this?',
        required: true,
        branches: [],
        scale: 5,
        style: 'stars',
      },
    ],
    dismissible: true,
  },
  launcher: {
    kind: 'launcher',
    label: 'Help',
    style: 'button',
    position: 'bottom-right',
    placement: 'auto',
    blocks: [{ type: 'heading', text: 'How can we help?' }],
  },
};

const BLANK_NAMES: Record<ContentKind, [string, string]> = {
  flow: ['Blank flow', 'Steps you write yourself: tooltips, modals, hotspots, slideouts.'],
  checklist: ['Blank checklist', 'Tasks people tick off, with a launcher.'],
  banner: ['Blank banner', 'A strip at the top or bottom of the page.'],
  survey: ['Blank survey', 'Questions of any type, with branching.'],
  launcher: ['Blank launcher', 'A help button that opens a popover.'],
};

export const templateStarters: Starter[] = Object.entries(templates).map(([key, t]) => ({
  key: `template:${key}`,
  name: t.name,
  description: t.description,
  definition: t.definition,
}));

export const blankStarters: Starter[] = (Object.keys(blanks) as ContentKind[]).map((kind) => ({
  key: `blank:${kind}`,
  name: BLANK_NAMES[kind][0],
  description: BLANK_NAMES[kind][1],
  definition: blanks[kind],
}));

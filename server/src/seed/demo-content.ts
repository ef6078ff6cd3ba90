import type { FlowDefinition, Trigger } from '@waymark/shared';

/** The walking skeleton's tour: one tooltip on the demo app's "New project" button. */
export const demoTour: { name: string; definition: FlowDefinition; triggers: Trigger[] } = {
  name: 'Create your first project',
  triggers: [{ type: 'url', pattern: '/demo*' }],
  definition: {
    kind: 'flow',
    steps: [
      {
        id: 'new-project',
        type: 'tooltip',
        target: {
          selector: '[data-testid="new-project"]',
          attributes: { 'data-testid': 'new-project' },
          tag: 'button',
          role: 'button',
          text: 'New project',
        },
        placement: 'bottom',
        backdrop: false,
        advance: { on: 'button' },
        blocks: [
          { type: 'heading', text: 'Start your first project' },
          {
            type: 'text',
            markdown:
              'Projects keep tasks, files and teammates in one place. Click **New project** to set one up in under a minute.',
          },
          { type: 'button', label: 'Got it', action: { type: 'complete' }, variant: 'primary' },
        ],
      },
    ],
  },
};

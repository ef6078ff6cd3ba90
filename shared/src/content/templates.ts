import type { ContentDefinition } from './content.schema.js';
import { modal, npsFollowUp, tooltip } from './template-steps.js';

/** A ready content definition for "create from template" (and for tests and previews). */
export interface ContentTemplate {
  name: string;
  description: string;
  definition: ContentDefinition;
}

/**
 * Starting points for every content kind. Every definition is complete (defaults filled in), so
 * `ContentDefinitionSchema.parse(t.definition)` returns it unchanged. Element targets use
 * `data-tour="…"` attributes that authors re-point at their own page.
 */
export const templates = {
  welcomeModal: {
    name: 'Welcome modal',
    description: 'Greets new users and offers the first step.',
    definition: {
      kind: 'flow',
      steps: [
        modal('welcome', [
          { type: 'heading', text: 'Welcome aboard 👋' },
          {
            type: 'text',
            markdown:
              'We are glad you are here. Take two minutes to set up your workspace and you will be ready to go.',
          },
          { type: 'button', label: 'Maybe later', action: { type: 'dismiss' }, variant: 'link' },
          {
            type: 'button',
            label: 'Get started',
            action: { type: 'complete' },
            variant: 'primary',
          },
        ]),
      ],
    },
  },
  productTour: {
    name: 'Product tour',
    description: 'An introduction, three tooltips on the main areas, and a celebration.',
    definition: {
      kind: 'flow',
      steps: [
        modal('intro', [
          { type: 'heading', text: 'Take a quick tour' },
          { type: 'text', markdown: 'Four stops, under a minute. You can leave at any time.' },
          { type: 'button', label: 'Skip', action: { type: 'dismiss' }, variant: 'link' },
          { type: 'button', label: 'Start the tour', action: { type: 'next' }, variant: 'primary' },
        ]),
        tooltip(
          'navigation',
          'navigation',
          'Find your way',
          'Everything you work on is one click away in the **main menu**.',
        ),
        tooltip(
          'create',
          'create',
          'Create something',
          'Start a new item here. Templates help you go faster.',
        ),
        tooltip(
          'help',
          'help',
          'Help is here',
          'Guides, shortcuts and a way to reach us live behind this button.',
        ),
        modal(
          'done',
          [
            { type: 'heading', text: 'You are all set 🎉' },
            { type: 'text', markdown: 'That is the tour. Enjoy the product!' },
            { type: 'button', label: 'Finish', action: { type: 'complete' }, variant: 'primary' },
          ],
          true,
        ),
      ],
    },
  },
  onboardingChecklist: {
    name: 'Onboarding checklist',
    description: 'Four first tasks, ticked off as users do them, with a celebration at the end.',
    definition: {
      kind: 'checklist',
      title: 'Get started',
      description: 'A few steps to get the most out of your workspace.',
      items: [
        {
          id: 'profile',
          title: 'Complete your profile',
          description: 'Add your name and photo so teammates know who you are.',
          action: { type: 'url', url: 'https://example.com/settings/profile', newTab: false },
          doneWhen: { type: 'page', op: 'matches', value: '/settings/profile*' },
        },
        {
          id: 'create',
          title: 'Create your first project',
          action: { type: 'track', event: 'Checklist Create Clicked' },
          doneWhen: {
            type: 'event',
            name: 'Project Created',
            where: [],
            count: { op: 'gte', value: 1 },
          },
        },
        {
          id: 'invite',
          title: 'Invite a teammate',
          description: 'Work is better together.',
          doneWhen: {
            type: 'event',
            name: 'Teammate Invited',
            where: [],
            count: { op: 'gte', value: 1 },
          },
        },
        {
          id: 'explore',
          title: 'Explore the help center',
          action: { type: 'url', url: 'https://example.com/help', newTab: true },
        },
      ],
      launcher: { label: 'Get started', position: 'bottom-right' },
      openOnStart: true,
      celebration: { heading: 'All done! 🎉', text: 'You have finished setting up. Nice work.' },
      dismissible: true,
    },
  },
  npsSurvey: {
    name: 'NPS survey',
    description: 'Net Promoter Score with a follow-up question that depends on the score.',
    definition: {
      kind: 'survey',
      display: 'popover',
      position: 'bottom-right',
      questions: [
        {
          id: 'score',
          type: 'nps',
          prompt: 'How likely are you to recommend us to a friend or colleague?',
          required: true,
          lowLabel: 'Not likely',
          highLabel: 'Very likely',
          branches: [
            { when: { op: 'lte', value: 6 }, next: 'improve' },
            { when: { op: 'lte', value: 8 }, next: 'better' },
            { when: { op: 'gte', value: 9 }, next: 'love' },
          ],
        },
        npsFollowUp('love', 'Great to hear! What do you love most?'),
        npsFollowUp('better', 'What would make it a 10 for you?'),
        npsFollowUp('improve', 'Sorry to hear that. What should we improve first?'),
      ],
      thankYou: { heading: 'Thank you!', text: 'Your feedback shapes what we build next.' },
      dismissible: true,
    },
  },
  csatSurvey: {
    name: 'CSAT survey',
    description: 'Satisfaction on a 1–5 scale; unhappy answers are asked why.',
    definition: {
      kind: 'survey',
      display: 'popover',
      position: 'bottom-right',
      questions: [
        {
          id: 'satisfaction',
          type: 'csat',
          prompt: 'How satisfied are you with this feature?',
          required: true,
          lowLabel: 'Very unsatisfied',
          highLabel: 'Very satisfied',
          branches: [{ when: { op: 'gte', value: 4 }, next: 'end' }],
        },
        {
          id: 'why',
          type: 'text',
          prompt: 'What went wrong?',
          required: false,
          branches: [],
          placeholder: 'A sentence or two helps a lot',
          maxLength: 1000,
        },
      ],
      thankYou: { heading: 'Thanks for your feedback!', autoCloseMs: 4000 },
      dismissible: true,
    },
  },
  announcementBanner: {
    name: 'Announcement banner',
    description: 'A dismissible bar at the top of the page with a link to the news.',
    definition: {
      kind: 'banner',
      position: 'top',
      mode: 'overlay',
      blocks: [
        { type: 'text', markdown: '**New:** dashboards now update in real time.' },
        {
          type: 'button',
          label: 'See what is new',
          action: { type: 'url', url: 'https://example.com/changelog', newTab: true },
          variant: 'primary',
        },
      ],
      dismissible: true,
    },
  },
  celebrationModal: {
    name: 'Celebration modal',
    description: 'Marks a milestone with a short confetti burst.',
    definition: {
      kind: 'flow',
      steps: [
        modal(
          'celebrate',
          [
            { type: 'heading', text: 'Milestone reached 🎉' },
            { type: 'text', markdown: 'You shipped your **first project**. Keep it going!' },
            { type: 'button', label: 'Thanks!', action: { type: 'complete' }, variant: 'primary' },
          ],
          true,
        ),
      ],
    },
  },
  upsellModal: {
    name: 'Upsell modal',
    description: 'Presents a paid plan with a call to action.',
    definition: {
      kind: 'flow',
      steps: [
        modal('upsell', [
          { type: 'heading', text: 'Unlock unlimited projects' },
          {
            type: 'text',
            markdown:
              'You are using 3 of 3 projects on the free plan. **Pro** removes the limit and adds guest access.',
          },
          { type: 'button', label: 'Not now', action: { type: 'dismiss' }, variant: 'secondary' },
          {
            type: 'button',
            label: 'See plans',
            action: { type: 'url', url: 'https://example.com/pricing', newTab: false },
            variant: 'primary',
          },
        ]),
      ],
    },
  },
  helpLauncher: {
    name: 'Help launcher',
    description: 'A help button in the corner that opens links and tips.',
    definition: {
      kind: 'launcher',
      label: 'Help',
      style: 'button',
      position: 'bottom-right',
      placement: 'top-end',
      blocks: [
        { type: 'heading', text: 'Need a hand?' },
        { type: 'text', markdown: 'Read the [guides](https://example.com/guides) or write to us.' },
        {
          type: 'button',
          label: 'Contact support',
          action: { type: 'url', url: 'https://example.com/support', newTab: true },
          variant: 'primary',
        },
      ],
    },
  },
} satisfies Record<string, ContentTemplate>;

export type TemplateId = keyof typeof templates;

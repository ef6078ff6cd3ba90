import type { IconName } from './shell/icons';

export interface Section {
  path: string;
  label: string;
  icon: IconName;
  /** What the page will do, shown while it is not built yet. */
  purpose: string;
  built: boolean;
}

/** The builder's top-level pages, in navigation order. */
export const sections: readonly Section[] = [
  {
    path: '/content',
    label: 'Content',
    icon: 'content',
    purpose: 'Tours, checklists, banners and surveys shown in your app.',
    built: true,
  },
  {
    path: '/segments',
    label: 'Segments',
    icon: 'segments',
    purpose: 'Group users by traits and behaviour, and target content at those groups.',
    built: false,
  },
  {
    path: '/experiments',
    label: 'Experiments',
    icon: 'experiments',
    purpose: 'Show content to part of an audience and measure the lift on a goal.',
    built: false,
  },
  {
    path: '/analytics',
    label: 'Analytics',
    icon: 'analytics',
    purpose: 'Funnels, journey stages, goals and survey results.',
    built: false,
  },
  {
    path: '/users',
    label: 'Users',
    icon: 'users',
    purpose: 'Look up the people using your app: traits, events and content progress.',
    built: false,
  },
  {
    path: '/settings',
    label: 'Settings',
    icon: 'settings',
    purpose: 'Members and roles, SDK and secret keys, identity verification and themes.',
    built: false,
  },
];

export const sectionFor = (path: string): Section | undefined =>
  sections.find((section) => path === section.path || path.startsWith(`${section.path}/`));

import type { IconName } from './shell/icons';

export interface Section {
  path: string;
  label: string;
  icon: IconName;
  /** What the section is for: the page lede, and the text of a section not built yet. */
  purpose: string;
  built: boolean;
}

/** The builder's top-level sections, in navigation order. */
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
    built: true,
  },
  {
    path: '/goals',
    label: 'Goals',
    icon: 'goals',
    purpose: 'Milestones that mark success, such as “Integration connected”.',
    built: true,
  },
  {
    path: '/journeys',
    label: 'Journeys',
    icon: 'journeys',
    purpose: 'Ordered stages from acquisition to expansion, and where users stall.',
    built: true,
  },
  {
    path: '/experiments',
    label: 'Experiments',
    icon: 'experiments',
    purpose: 'Show content to part of an audience and measure the lift on a goal.',
    built: true,
  },
  {
    path: '/analytics',
    label: 'Analytics',
    icon: 'analytics',
    purpose: 'Funnels, experiment results, goal and survey dashboards.',
    built: false,
  },
  {
    path: '/users',
    label: 'Users',
    icon: 'users',
    purpose: 'Look up the people using your app: traits, events, segments and content.',
    built: true,
  },
  {
    path: '/feature-tags',
    label: 'Feature tags',
    icon: 'tags',
    purpose: 'Name clicks and pages of your app without code; they become events.',
    built: true,
  },
  {
    path: '/settings',
    label: 'Settings',
    icon: 'settings',
    purpose: 'Team and roles, environments and keys, installation, themes and the audit log.',
    built: true,
  },
];

export const sectionFor = (path: string): Section | undefined =>
  sections.find((section) => path === section.path || path.startsWith(`${section.path}/`));

import type { FunctionComponent } from 'preact';
import { lazyPage, type LazyPage } from './lazy-page';
import type { PageProps } from './page-props';
import { matchPattern, type RouteParams } from './route-match';

export interface Route {
  pattern: string;
  page: LazyPage<PageProps>;
}

/** Each page is its own chunk, downloaded when first shown (build.mjs splits on import()). */
const page = (load: () => Promise<FunctionComponent<PageProps>>) => lazyPage(load);

/** Signed-in pages. A section's own path without a route here shows "not built yet". */
export const routes: readonly Route[] = [
  {
    pattern: '/content',
    page: page(() => import('./pages/content/content-page').then((m) => m.ContentPage)),
  },
  {
    pattern: '/content/:contentId',
    page: page(() =>
      import('./pages/content/content-editor-page').then((m) => m.ContentEditorPage),
    ),
  },
  {
    pattern: '/segments',
    page: page(() => import('./pages/segments/segments-page').then((m) => m.SegmentsPage)),
  },
  {
    pattern: '/segments/:segmentId',
    page: page(() => import('./pages/segments/segment-page').then((m) => m.SegmentPage)),
  },
  {
    pattern: '/goals',
    page: page(() => import('./pages/goals/goals-page').then((m) => m.GoalsPage)),
  },
  {
    pattern: '/goals/:goalId',
    page: page(() => import('./pages/goals/goal-page').then((m) => m.GoalPage)),
  },
  {
    pattern: '/journeys',
    page: page(() => import('./pages/journeys/journeys-page').then((m) => m.JourneysPage)),
  },
  {
    pattern: '/journeys/:journeyId',
    page: page(() => import('./pages/journeys/journey-page').then((m) => m.JourneyPage)),
  },
  {
    pattern: '/experiments',
    page: page(() => import('./pages/experiments/experiments-page').then((m) => m.ExperimentsPage)),
  },
  {
    pattern: '/users',
    page: page(() => import('./pages/users/users-page').then((m) => m.UsersPage)),
  },
  {
    pattern: '/users/:userId',
    page: page(() => import('./pages/users/user-page').then((m) => m.UserPage)),
  },
  {
    pattern: '/feature-tags',
    page: page(() =>
      import('./pages/feature-tags/feature-tags-page').then((m) => m.FeatureTagsPage),
    ),
  },
  {
    pattern: '/settings/team',
    page: page(() => import('./pages/settings/team-page').then((m) => m.TeamPage)),
  },
  {
    pattern: '/settings/environments',
    page: page(() => import('./pages/settings/environments-page').then((m) => m.EnvironmentsPage)),
  },
  {
    pattern: '/settings/install',
    page: page(() => import('./pages/settings/install-page').then((m) => m.InstallPage)),
  },
  {
    pattern: '/settings/themes',
    page: page(() => import('./pages/settings/themes-page').then((m) => m.ThemesPage)),
  },
  {
    pattern: '/settings/workspace',
    page: page(() =>
      import('./pages/settings/workspace-settings-page').then((m) => m.WorkspaceSettingsPage),
    ),
  },
  {
    pattern: '/settings/audit',
    page: page(() => import('./pages/settings/audit-page').then((m) => m.AuditPage)),
  },
];

/** Paths that only lead elsewhere. */
export const redirects: Readonly<Record<string, string>> = {
  '/': '/content',
  '/login': '/content',
  '/settings': '/settings/team',
};

export function findRoute(path: string): { route: Route; params: RouteParams } | null {
  for (const route of routes) {
    const params = matchPattern(route.pattern, path);
    if (params) return { route, params };
  }
  return null;
}

import type { FunctionComponent } from 'preact';
import type { PageProps } from './page-props';
import { ContentEditorPage } from './pages/content/content-editor-page';
import { ContentPage } from './pages/content/content-page';
import { ExperimentsPage } from './pages/experiments/experiments-page';
import { FeatureTagsPage } from './pages/feature-tags/feature-tags-page';
import { GoalPage } from './pages/goals/goal-page';
import { GoalsPage } from './pages/goals/goals-page';
import { JourneyPage } from './pages/journeys/journey-page';
import { JourneysPage } from './pages/journeys/journeys-page';
import { SegmentPage } from './pages/segments/segment-page';
import { SegmentsPage } from './pages/segments/segments-page';
import { AuditPage } from './pages/settings/audit-page';
import { EnvironmentsPage } from './pages/settings/environments-page';
import { InstallPage } from './pages/settings/install-page';
import { TeamPage } from './pages/settings/team-page';
import { ThemesPage } from './pages/settings/themes-page';
import { WorkspaceSettingsPage } from './pages/settings/workspace-settings-page';
import { UserPage } from './pages/users/user-page';
import { UsersPage } from './pages/users/users-page';
import { matchPattern, type RouteParams } from './route-match';

export interface Route {
  pattern: string;
  page: FunctionComponent<PageProps>;
}

/** Signed-in pages. A section's own path without a route here shows "not built yet". */
export const routes: readonly Route[] = [
  { pattern: '/content', page: ContentPage },
  { pattern: '/content/:contentId', page: ContentEditorPage },
  { pattern: '/segments', page: SegmentsPage },
  { pattern: '/segments/:segmentId', page: SegmentPage },
  { pattern: '/goals', page: GoalsPage },
  { pattern: '/goals/:goalId', page: GoalPage },
  { pattern: '/journeys', page: JourneysPage },
  { pattern: '/journeys/:journeyId', page: JourneyPage },
  { pattern: '/experiments', page: ExperimentsPage },
  { pattern: '/users', page: UsersPage },
  { pattern: '/users/:userId', page: UserPage },
  { pattern: '/feature-tags', page: FeatureTagsPage },
  { pattern: '/settings/team', page: TeamPage },
  { pattern: '/settings/environments', page: EnvironmentsPage },
  { pattern: '/settings/install', page: InstallPage },
  { pattern: '/settings/themes', page: ThemesPage },
  { pattern: '/settings/workspace', page: WorkspaceSettingsPage },
  { pattern: '/settings/audit', page: AuditPage },
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

import type { RouteParams } from './route-match';

/** What every routed page receives; the rest comes from `useWorkspace()`. */
export interface PageProps {
  params: RouteParams;
}

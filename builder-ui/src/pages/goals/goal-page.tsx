import type { PageProps } from '../../page-props';

/** Placeholder until this page is built. */
export function GoalPage(_props: PageProps) {
  return <h1>Goal</h1>;
}

import type { PageProps } from '../../page-props';

/** Placeholder until this page is built. */
export function GoalsPage(_props: PageProps) {
  return <h1>Goals</h1>;
}

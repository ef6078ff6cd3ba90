import type { PageProps } from '../../page-props';

/** Placeholder until this page is built. */
export function TeamPage(_props: PageProps) {
  return <h1>Team</h1>;
}

import type { PageProps } from '../../page-props';

/** Placeholder until this page is built. */
export function UserPage(_props: PageProps) {
  return <h1>User</h1>;
}

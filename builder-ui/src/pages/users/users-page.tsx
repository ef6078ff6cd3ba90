import type { PageProps } from '../../page-props';

/** Placeholder until this page is built. */
export function UsersPage(_props: PageProps) {
  return <h1>Users</h1>;
}

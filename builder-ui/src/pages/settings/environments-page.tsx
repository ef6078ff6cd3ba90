import type { PageProps } from '../../page-props';

/** Placeholder until this page is built. */
export function EnvironmentsPage(_props: PageProps) {
  return <h1>Environments &amp; keys</h1>;
}

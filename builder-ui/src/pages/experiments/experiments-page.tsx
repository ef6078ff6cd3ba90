import type { PageProps } from '../../page-props';

/** Placeholder until this page is built. */
export function ExperimentsPage(_props: PageProps) {
  return <h1>Experiments</h1>;
}

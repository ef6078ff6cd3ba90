import type { PageProps } from '../../page-props';

/** Placeholder until this page is built. */
export function InstallPage(_props: PageProps) {
  return <h1>Install</h1>;
}

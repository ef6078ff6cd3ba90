import type { PageProps } from '../../page-props';

/** Placeholder until this page is built. */
export function FeatureTagsPage(_props: PageProps) {
  return <h1>Feature tags</h1>;
}

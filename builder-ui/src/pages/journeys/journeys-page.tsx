import type { PageProps } from '../../page-props';

/** Placeholder until this page is built. */
export function JourneysPage(_props: PageProps) {
  return <h1>Journeys</h1>;
}

import type { PageProps } from '../../page-props';

/** Placeholder until this page is built. */
export function JourneyPage(_props: PageProps) {
  return <h1>Journey</h1>;
}

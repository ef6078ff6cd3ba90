import type { PageProps } from '../../page-props';

/** Placeholder until this page is built. */
export function SegmentsPage(_props: PageProps) {
  return <h1>Segments</h1>;
}

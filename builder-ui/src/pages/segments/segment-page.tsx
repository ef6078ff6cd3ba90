import type { PageProps } from '../../page-props';

/** Placeholder until this page is built. */
export function SegmentPage(_props: PageProps) {
  return <h1>Segment</h1>;
}

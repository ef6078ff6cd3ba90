import type { PageProps } from '../../page-props';

/** Placeholder until this page is built. */
export function ContentEditorPage(_props: PageProps) {
  return <h1>Content</h1>;
}

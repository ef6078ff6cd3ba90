import type { PageProps } from '../../page-props';

/** Placeholder until this page is built. */
export function ThemesPage(_props: PageProps) {
  return <h1>Themes</h1>;
}

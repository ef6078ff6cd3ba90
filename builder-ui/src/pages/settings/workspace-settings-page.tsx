import type { PageProps } from '../../page-props';

/** Placeholder until this page is built. */
export function WorkspaceSettingsPage(_props: PageProps) {
  return <h1>Workspace</h1>;
}

import type { PageProps } from '../../page-props';

/** Placeholder until this page is built. */
export function AuditPage(_props: PageProps) {
  return <h1>Audit log</h1>;
}

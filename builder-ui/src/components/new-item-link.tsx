import type { ComponentChildren } from 'preact';
import { useCan } from '../workspace-context';
import { Link } from './link';

/** A list page's "New …" button to the create page; editors only (viewers see none). */
export function NewItemLink({ href, children }: { href: string; children: ComponentChildren }) {
  const canEdit = useCan('editor');
  if (!canEdit) return null;
  return (
    <Link href={href} class="button button-primary">
      {children}
    </Link>
  );
}

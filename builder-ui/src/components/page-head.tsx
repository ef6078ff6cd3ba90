import type { ComponentChildren } from 'preact';
import { Link } from './link';

interface PageHeadProps {
  /** The page's one `<h1>`. */
  title: ComponentChildren;
  /** The line under the title; nothing when absent. */
  lede?: ComponentChildren;
  /** The list a detail page belongs to, linked above the title. */
  parent?: { href: string; label: string };
  /** The page's actions, at the end of the row ("New goal", Save…). */
  children?: ComponentChildren;
}

/** The top of a page: where it belongs, its title and lede, and its actions. */
export function PageHead({ title, lede, parent, children }: PageHeadProps) {
  return (
    <div class="page-head">
      <div>
        {parent && (
          <p class="breadcrumb">
            <Link href={parent.href}>{parent.label}</Link>
          </p>
        )}
        <h1>{title}</h1>
        {lede && <p class="page-lede">{lede}</p>}
      </div>
      {children}
    </div>
  );
}

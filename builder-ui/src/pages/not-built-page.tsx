import { EmptyState } from '../components/empty-state';
import { PageHead } from '../components/page-head';
import { useTitle } from '../components/use-title';
import type { Section } from '../sections';

/** The honest page for a section that exists in the plan but not yet in the code. */
export function NotBuiltPage({ section }: { section: Section }) {
  useTitle(section.label);
  return (
    <>
      <PageHead title={section.label} lede={section.purpose} />
      <EmptyState icon={section.icon} title="Not built yet">
        <p>This part of Waymark is planned but not built, so there is nothing to show here yet.</p>
      </EmptyState>
    </>
  );
}

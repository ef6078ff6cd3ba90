import type { ComponentChildren } from 'preact';
import { LoadView } from './load-view';
import type { Load } from './use-load';

interface ListSectionProps<T> {
  /** The section's accessible name, and what the loading and error messages name. */
  label: string;
  load: Load<T>;
  onRetry: () => void;
  /** Whether the loaded data holds nothing to list. */
  isEmpty: (data: T) => boolean;
  /** Shown instead of the list when there is nothing in it (an EmptyState). */
  empty: ComponentChildren;
  children: (data: T) => ComponentChildren;
}

/** A list page's body: a labelled, busy-while-loading section with its load states and empty state. */
export function ListSection<T>(props: ListSectionProps<T>) {
  const { label, load, onRetry, isEmpty, empty, children } = props;
  return (
    <section aria-label={label} aria-busy={load.state === 'loading'}>
      <LoadView load={load} what={label.toLowerCase()} onRetry={onRetry}>
        {(data) => (isEmpty(data) ? empty : children(data))}
      </LoadView>
    </section>
  );
}

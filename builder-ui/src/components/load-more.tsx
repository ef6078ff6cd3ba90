import type { ComponentChildren } from 'preact';
import type { CursorPage, LoadMoreState } from './use-load-more';

interface LoadMoreProps<T> {
  page: CursorPage<T>;
  more: LoadMoreState<T>;
  /** The button's text: "Load more", "Load more events". */
  label: string;
  /** The button's classes. */
  buttonClass: string;
  /** Shown instead of the button once everything is in; without it, nothing is. */
  end?: ComponentChildren;
}

/** Under a paged list: the last "Load more" failure, and the button (or what says it is all). */
export function LoadMore<T>({ page, more, label, buttonClass, end }: LoadMoreProps<T>) {
  if (!page.nextCursor && !more.error && !end) return null;
  return (
    <div class="load-more">
      {more.error && (
        <p class="alert" role="alert">
          Could not load more. {more.error}
        </p>
      )}
      {page.nextCursor ? (
        <button
          type="button"
          class={buttonClass}
          aria-disabled={more.pending}
          onClick={() => more.loadMore(page)}
        >
          {more.pending ? 'Loading…' : label}
        </button>
      ) : (
        end
      )}
    </div>
  );
}

import { useState } from 'preact/hooks';
import { describeError } from '../api';

/** A page of a keyset-paged list: pass `nextCursor` back for the next one (null: no more). */
export interface CursorPage<T> {
  data: T[];
  nextCursor: string | null;
}

export interface LoadMoreState<T> {
  pending: boolean;
  /** Why the last "Load more" failed; empty when it did not. */
  error: string;
  /** Fetches the page after `page` and sets the two, joined, as the loaded data. */
  loadMore: (page: CursorPage<T>) => Promise<void>;
}

/**
 * "Load more" under a paged list loaded with useLoad: `fetchAfter` gets the page after a cursor,
 * `set` is useLoad's. One request at a time; a failure stays beside the button, the list stays.
 */
export function useLoadMore<T>(
  fetchAfter: (cursor: string) => Promise<CursorPage<T>>,
  set: (page: CursorPage<T>) => void,
): LoadMoreState<T> {
  const [more, setMore] = useState({ pending: false, error: '' });
  const loadMore = async (page: CursorPage<T>) => {
    if (!page.nextCursor || more.pending) return;
    setMore({ pending: true, error: '' });
    try {
      const next = await fetchAfter(page.nextCursor);
      set({ data: [...page.data, ...next.data], nextCursor: next.nextCursor });
      setMore({ pending: false, error: '' });
    } catch (error) {
      setMore({ pending: false, error: describeError(error) });
    }
  };
  return { ...more, loadMore };
}

import type { ComponentChildren } from 'preact';
import type { Load } from './use-load';

interface LoadViewProps<T> {
  load: Load<T>;
  /** What is loading, for the message: "segments", "this user". */
  what: string;
  onRetry: () => void;
  children: (data: T) => ComponentChildren;
}

/** The loading message, the error with "Try again", or the page's content. */
export function LoadView<T>({ load, what, onRetry, children }: LoadViewProps<T>) {
  if (load.state === 'loading') return <p class="muted loading">Loading {what}…</p>;
  if (load.state === 'failed') {
    return (
      <div class="alert alert-block" role="alert">
        <p>
          Could not load {what}. {load.message}
        </p>
        <button type="button" class="button" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }
  return <>{children(load.data)}</>;
}

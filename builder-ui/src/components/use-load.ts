import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, describeError } from '../api';
import { useWorkspace } from '../workspace-context';

export type Load<T> =
  { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; data: T };

/**
 * Loads data for a page: aborts when the inputs change or the page goes away, sends an ended
 * session to the sign-in page, and turns any other failure into a message. `reload()` runs it
 * again; `set()` replaces the data after a local change (a save answered with the new state).
 */
export function useLoad<T>(
  load: (signal: AbortSignal) => Promise<T>,
  inputs: readonly unknown[],
): { load: Load<T>; reload: () => void; set: (data: T) => void } {
  const { onUnauthenticated } = useWorkspace();
  const [state, setState] = useState<Load<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => (previous.state === 'ready' ? previous : { state: 'loading' }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ state: 'ready', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.code === 'unauthenticated') onUnauthenticated();
        else setState({ state: 'failed', message: describeError(error) });
      },
    );
    return () => controller.abort();
  }, [...inputs, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const set = useCallback((data: T) => setState({ state: 'ready', data }), []);
  return { load: state, reload, set };
}

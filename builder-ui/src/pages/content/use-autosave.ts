import type { FieldIssue } from '@waymark/shared';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, describeError } from '../../api';
import { useWorkspace } from '../../workspace-context';

export type SaveState =
  | { status: 'saved' }
  /** Edits wait for the typing pause. */
  | { status: 'pending' }
  | { status: 'saving' }
  /** The server refused the draft: the issues say where. Nothing is saved until they are fixed. */
  | { status: 'invalid'; issues: FieldIssue[] }
  /** The network or the server failed; "retry" sends again. */
  | { status: 'failed'; message: string }
  /** The item changed state elsewhere (archived, deleted): saving cannot succeed by retrying. */
  | { status: 'conflict'; message: string };

export interface Autosave<T> {
  state: SaveState;
  /** Queues `value` to be saved after a pause in editing (the last one wins). */
  schedule: (value: T) => void;
  /** Saves what is pending now; true when everything is saved. */
  flush: () => Promise<boolean>;
  retry: () => void;
}

/**
 * Saves edits after `delay` ms without edits, one request at a time; edits made while a save
 * runs are saved right after it. Never drops an edit: a failed save keeps it pending.
 */
export function useAutosave<T>(save: (value: T) => Promise<void>, delay = 700): Autosave<T> {
  const { onUnauthenticated } = useWorkspace();
  const [state, setState] = useState<SaveState>({ status: 'saved' });
  const latest = useRef<{ value: T; version: number } | null>(null);
  const savedVersion = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const running = useRef<Promise<void> | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;

  const run = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    while (running.current) await running.current;
    const pending = latest.current;
    if (!pending || pending.version <= savedVersion.current) return;
    setState({ status: 'saving' });
    const attempt = saveRef.current(pending.value).then(
      () => {
        savedVersion.current = pending.version;
        const newer = (latest.current?.version ?? 0) > pending.version;
        setState({ status: newer ? 'pending' : 'saved' });
        if (newer) timer.current = setTimeout(() => void run(), 0);
      },
      (error: unknown) => {
        if (error instanceof ApiError && error.code === 'unauthenticated') onUnauthenticated();
        if (error instanceof ApiError && error.code === 'validation_failed') {
          setState({ status: 'invalid', issues: error.fieldIssues });
        } else if (
          error instanceof ApiError &&
          (error.code === 'conflict' || error.status === 404)
        ) {
          setState({ status: 'conflict', message: describeError(error) });
        } else {
          setState({ status: 'failed', message: describeError(error) });
        }
      },
    );
    running.current = attempt;
    await attempt;
    running.current = null;
  }, [onUnauthenticated]);

  const schedule = useCallback(
    (value: T) => {
      latest.current = { value, version: (latest.current?.version ?? 0) + 1 };
      setState((old) =>
        old.status === 'invalid' || old.status === 'conflict' ? old : { status: 'pending' },
      );
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void run(), delay);
    },
    [delay, run],
  );

  const flush = useCallback(async () => {
    await run();
    return (latest.current?.version ?? 0) <= savedVersion.current;
  }, [run]);

  useEffect(() => () => clearTimeout(timer.current), []);

  return { state, schedule, flush, retry: () => void run() };
}

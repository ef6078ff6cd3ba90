import type { Rule, SegmentPreview } from '@waymark/shared';
import { useEffect, useState } from 'preact/hooks';
import { describeError } from '../../api';
import { segmentsApi } from '../../api/segments';
import { ruleIssues } from '../../editors/rules/rule-builder';
import { useWorkspace } from '../../workspace-context';

export type PreviewState =
  | { state: 'idle'; reason: string }
  | { state: 'loading'; last: SegmentPreview | null }
  | { state: 'ready'; preview: SegmentPreview }
  | { state: 'failed'; message: string };

/**
 * The live count of users a rule matches now, and a sample of them: a debounced POST preview
 * after each change, only for rules that are complete and server-evaluable.
 */
export function useRulePreview(rule: Rule | undefined, delayMs = 350): PreviewState {
  const { api, workspace } = useWorkspace();
  const [state, setState] = useState<PreviewState>({ state: 'idle', reason: '' });
  const key = JSON.stringify(rule ?? null);
  useEffect(() => {
    if (!rule) {
      setState({ state: 'idle', reason: 'Everyone matches.' });
      return;
    }
    if (ruleIssues(rule).length > 0) {
      setState({ state: 'idle', reason: 'Finish the conditions to see who matches.' });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({
      state: 'loading',
      last: s.state === 'ready' ? s.preview : s.state === 'loading' ? s.last : null,
    }));
    const timer = setTimeout(() => {
      segmentsApi(api, workspace.id)
        .preview(rule, 8, controller.signal)
        .then(
          (preview) => {
            if (!controller.signal.aborted) setState({ state: 'ready', preview });
          },
          (error: unknown) => {
            if (!controller.signal.aborted) {
              setState({ state: 'failed', message: describeError(error) });
            }
          },
        );
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key, api, workspace.id]);
  return state;
}

import { useEffect, useState } from 'preact/hooks';
import { contentApi } from '../../api/content';
import { useWorkspace } from '../../workspace-context';
import { questionChoices, type QuestionChoice } from './survey-answer-choices';

export type SurveyQuestionsLoad =
  | { state: 'idle' | 'loading' }
  | { state: 'ready'; choices: QuestionChoice[] }
  | { state: 'failed'; message: string };

/**
 * The questions of one survey for the survey-answer picker: its published version (what users
 * answered) and its draft, if any. Nothing is loaded until a survey is chosen.
 */
export function useSurveyQuestions(contentId: string): SurveyQuestionsLoad {
  const { api, workspace } = useWorkspace();
  const [load, setLoad] = useState<SurveyQuestionsLoad>({ state: 'idle' });
  useEffect(() => {
    if (!contentId) {
      setLoad({ state: 'idle' });
      return undefined;
    }
    const controller = new AbortController();
    const { signal } = controller;
    const content = contentApi(api, workspace.id);
    setLoad({ state: 'loading' });
    (async () => {
      const item = await content.get(contentId, signal);
      const published = item.publishedVersionId
        ? await content.version(contentId, item.publishedVersionId, signal)
        : null;
      return questionChoices(published?.definition, item.draft?.definition);
    })().then(
      (choices) => {
        if (!signal.aborted) setLoad({ state: 'ready', choices });
      },
      () => {
        if (!signal.aborted) {
          setLoad({ state: 'failed', message: 'Could not load the survey’s questions.' });
        }
      },
    );
    return () => controller.abort();
  }, [api, workspace.id, contentId]);
  return load;
}

import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../../api';
import { contentApi } from '../../api/content';
import { useWorkspace } from '../../workspace-context';
import { questionChoices, type QuestionChoice } from './survey-answer-choices';

export type SurveyQuestionsLoad =
  | { state: 'idle' | 'loading' }
  | { state: 'ready'; choices: QuestionChoice[] }
  | { state: 'failed'; message: string };

/** One load per survey shared by the pickers and the summary line; kept 15 s. */
const cache = new Map<string, { at: number; choices: Promise<QuestionChoice[]> }>();

/** The questions of one survey: its published version (what users answered), then its draft's. */
function loadChoices(api: ApiClient, workspaceId: string, contentId: string) {
  const key = `${workspaceId}:${contentId}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < 15_000) return hit.choices;
  const content = contentApi(api, workspaceId);
  const choices = (async () => {
    const item = await content.get(contentId);
    const published = item.publishedVersionId
      ? await content.version(contentId, item.publishedVersionId)
      : null;
    return questionChoices(published?.definition, item.draft?.definition);
  })();
  cache.set(key, { at: Date.now(), choices });
  choices.catch(() => cache.delete(key));
  return choices;
}

/** The questions of one survey for the survey-answer picker. Nothing loads until one is chosen. */
export function useSurveyQuestions(contentId: string): SurveyQuestionsLoad {
  const { api, workspace } = useWorkspace();
  const [load, setLoad] = useState<SurveyQuestionsLoad>({ state: 'idle' });
  useEffect(() => {
    if (!contentId) {
      setLoad({ state: 'idle' });
      return undefined;
    }
    let live = true;
    setLoad({ state: 'loading' });
    loadChoices(api, workspace.id, contentId).then(
      (choices) => {
        if (live) setLoad({ state: 'ready', choices });
      },
      () => {
        if (live) setLoad({ state: 'failed', message: 'Could not load the survey’s questions.' });
      },
    );
    return () => {
      live = false;
    };
  }, [api, workspace.id, contentId]);
  return load;
}

/** Question prompts of the named surveys, for the summary line ("question q" until loaded). */
export function useQuestionPrompts(
  contentIds: readonly string[],
): (contentId: string, questionId: string) => string | undefined {
  const { api, workspace } = useWorkspace();
  const [prompts, setPrompts] = useState<ReadonlyMap<string, QuestionChoice[]>>(new Map());
  const wanted = contentIds.join(',');
  useEffect(() => {
    let live = true;
    for (const id of contentIds) {
      if (prompts.has(id)) continue;
      loadChoices(api, workspace.id, id).then(
        (choices) => {
          if (live) setPrompts((known) => new Map(known).set(id, choices));
        },
        () => undefined, // the summary keeps the question id
      );
    }
    return () => {
      live = false;
    };
  }, [api, workspace.id, wanted]);
  return (contentId, questionId) =>
    prompts.get(contentId)?.find((choice) => choice.id === questionId)?.label;
}

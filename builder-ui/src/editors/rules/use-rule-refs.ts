import type { ContentSummary, Goal, Journey, Segment } from '@waymark/shared';
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../../api';
import { deliveryApi } from '../../api/delivery';
import { goalsApi } from '../../api/goals';
import { journeysApi } from '../../api/journeys';
import { segmentsApi } from '../../api/segments';
import { useWorkspace } from '../../workspace-context';
import type { RuleNames } from './rule-summary';

/** What a rule can point at: the workspace's segments, goals, journeys and content. */
export interface RuleRefs {
  segments: Segment[];
  goals: Goal[];
  journeys: Journey[];
  content: ContentSummary[];
  /** False until the lists arrived (pickers show "Loading…"). */
  ready: boolean;
  error: string | null;
}

const empty: RuleRefs = {
  segments: [],
  goals: [],
  journeys: [],
  content: [],
  ready: false,
  error: null,
};

type Lists = [Segment[], Goal[], Journey[], ContentSummary[]];

/** One load shared by every builder on a page (a journey has one per stage); kept 15 s. */
const cache = new Map<string, { at: number; lists: Promise<Lists> }>();

function loadLists(api: ApiClient, workspaceId: string): Promise<Lists> {
  const hit = cache.get(workspaceId);
  if (hit && Date.now() - hit.at < 15_000) return hit.lists;
  const lists = Promise.all([
    segmentsApi(api, workspaceId).list(),
    goalsApi(api, workspaceId).list(),
    journeysApi(api, workspaceId).list(),
    deliveryApi(api, workspaceId).contentList(),
  ]);
  cache.set(workspaceId, { at: Date.now(), lists });
  lists.catch(() => cache.delete(workspaceId));
  return lists;
}

/** Loads the pickers' lists once per workspace. */
export function useRuleRefs(): RuleRefs {
  const { api, workspace } = useWorkspace();
  const [refs, setRefs] = useState<RuleRefs>(empty);
  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    loadLists(api, workspace.id).then(
      ([segments, goals, journeys, content]) => {
        if (!signal.aborted)
          setRefs({ segments, goals, journeys, content, ready: true, error: null });
      },
      () => {
        if (!signal.aborted) {
          setRefs({ ...empty, ready: true, error: 'Could not load segments, goals and journeys.' });
        }
      },
    );
    return () => controller.abort();
  }, [api, workspace.id]);
  return refs;
}

/** Name lookups for the summary line. */
export function namesOf(refs: RuleRefs): RuleNames {
  return {
    segment: (id) => refs.segments.find((s) => s.id === id)?.name,
    goal: (id) => refs.goals.find((g) => g.id === id)?.name,
    journey: (id) => refs.journeys.find((j) => j.id === id)?.name,
    stage: (journeyId, stageId) =>
      refs.journeys.find((j) => j.id === journeyId)?.stages.find((s) => s.id === stageId)?.name,
    content: (id) => refs.content.find((c) => c.id === id)?.name,
  };
}
